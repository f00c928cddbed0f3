/**
 * The devices the file store keeps in memory (issue 12: bench:import's heap), built anew as each is written:
 * - one object literal, every field in the same order (absent ones undefined, as decodeDevices builds a
 *   snapshot's), so every device shares one hidden class. Devices spread together from optional parts (an
 *   import's) came out with a hidden class of their own each: some 180 bytes more per device;
 * - the values that repeat (category, model, administration, location, state …) as one string each, and
 *   equal specs as one object. A device parsed from the journal or read from a register otherwise holds its
 *   own copies, an imported one also the whole row its model was cut from; and the search text's cache
 *   (query.ts modelPart) keeps a Map per specs object: some 500 bytes per device with specs of its own.
 * - the serial and notes, a person's text, as a copy of their own (ownString).
 * What is interned is kept for the store's life: a few thousand values at most (models, locations), never
 * the per-device ones (id, tag, serial, notes, times).
 */
import type { Device, Specs } from '../../../shared/schemas';
import { ownString } from '../../strings';

export class DeviceInterner {
  private readonly strings = new Map<string, string>();
  private readonly specsByKey = new Map<string, Specs>();

  /** The one copy of `s` the store keeps. */
  private text<T extends string | undefined>(s: T): T {
    if (s === undefined) return s;
    let kept = this.strings.get(s);
    if (kept === undefined) {
      // The first one seen may be cut out of a longer string (a register's row): a copy of its own is kept.
      kept = ownString(s);
      this.strings.set(kept, kept);
    }
    return kept as T; // why: the kept copy equals `s`, so it is of s's (literal union) type
  }

  private specs(s: Specs): Specs {
    const key = JSON.stringify([s.cpu, s.ramGb, s.storageGb, s.storageType, s.screenInch]);
    let kept = this.specsByKey.get(key);
    if (kept === undefined) {
      kept = {
        ...(s.cpu === undefined ? {} : { cpu: this.text(s.cpu) }),
        ...(s.ramGb === undefined ? {} : { ramGb: s.ramGb }),
        ...(s.storageGb === undefined ? {} : { storageGb: s.storageGb }),
        ...(s.storageType === undefined ? {} : { storageType: s.storageType }),
        ...(s.screenInch === undefined ? {} : { screenInch: s.screenInch }),
      };
      this.specsByKey.set(key, kept);
    }
    return kept;
  }

  /** `d` as the store keeps it: equal field by field, of the one shape, with shared values. */
  device(d: Device): Device {
    return {
      id: d.id,
      assetTag: d.assetTag,
      category: this.text(d.category),
      manufacturer: this.text(d.manufacturer),
      model: this.text(d.model),
      serial: ownString(d.serial),
      specs: this.specs(d.specs),
      condition: this.text(d.condition),
      dataBearing: d.dataBearing,
      dataBearingOverride: d.dataBearingOverride,
      departmentId: this.text(d.departmentId),
      locationId: this.text(d.locationId),
      status: this.text(d.status),
      weightKg: d.weightKg,
      year: d.year,
      notes: d.notes === undefined ? undefined : ownString(d.notes),
      sanitizationId: d.sanitizationId,
      weeeOverride: d.weeeOverride,
      batchId: this.text(d.batchId),
      photos: d.photos,
      availableFrom: this.text(d.availableFrom),
      offerUntil: this.text(d.offerUntil),
      reportedAt: d.reportedAt,
      updatedAt: d.updatedAt,
      trailLength: d.trailLength,
    };
  }
}
