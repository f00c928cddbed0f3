/**
 * Devices and reservations in a snapshot, stored by column, with dictionaries for values that repeat
 * (category, status, model, specs, who reserved …). At 100,000 devices this is a fraction of the size of
 * one JSON object per record and parses several times faster, which is most of the store's open time.
 * Decoding builds each record with one object literal, so every record has the same hidden class.
 */
import type { Device, Reservation } from '../../../shared/schemas';
import { asciiJson, type JsonStream } from './ascii-json';

export interface Columns {
  count: number;
  /** Repeating values: the distinct values and, per record, an index into them. */
  dict: Record<string, { values: unknown[]; idx: number[] }>;
  /** Values stored as they are; null where absent. */
  plain: Record<string, unknown[]>;
}
export type DeviceColumns = Columns;
export type ReservationColumns = Columns;

const DEVICE_DICT = ['category', 'manufacturer', 'model', 'specs', 'condition', 'departmentId', 'locationId', 'status', 'weightKg', 'year', 'weeeOverride', 'batchId', 'availableFrom', 'offerUntil'] as const;
const DEVICE_PLAIN = ['id', 'assetTag', 'serial', 'dataBearing', 'dataBearingOverride', 'notes', 'sanitizationId', 'reportedAt', 'updatedAt', 'trailLength'] as const;
// Device photos (issue 11): a later column, absent in older snapshots; most devices have none (stored as null).
const DEVICE_PHOTO_PLAIN = ['photos'] as const;
const RESERVATION_DICT = ['departmentId', 'reservedBy', 'status', 'locationId'] as const;
const RESERVATION_PLAIN = ['id', 'deviceId', 'createdAt', 'expiresAt', 'endedAt'] as const;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const SLICE = 2_000;

/**
 * Writes records as columns straight to the snapshot file, one column and a slice of records at a time,
 * yielding between slices. Nothing the size of the data is built in memory, so a compaction leaves the
 * garbage collector little to pause for.
 */
class ColumnStream<T extends object> implements JsonStream {
  constructor(
    private readonly records: readonly T[],
    private readonly dictKeys: readonly string[],
    private readonly plainKeys: readonly string[],
  ) {}

  async writeJson(write: (text: string) => Promise<void>): Promise<void> {
    const rows = this.records as readonly Record<string, unknown>[]; // why: read by the key lists
    await write(`{"count":${rows.length},"dict":{`);
    for (let k = 0; k < this.dictKeys.length; k++) {
      const key = this.dictKeys[k]!;
      const seen = new Map<unknown, number>();
      const values: unknown[] = [];
      await write(`${k ? ',' : ''}"${key}":{"idx":[`);
      for (let i = 0; i < rows.length; i += SLICE) {
        const idx: number[] = [];
        for (let r = i; r < Math.min(i + SLICE, rows.length); r++) {
          const v = rows[r]![key] ?? null;
          // Objects (specs, actor snapshots) are compared by their JSON; everything else by value.
          const id = v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
          let n = seen.get(id);
          if (n === undefined) {
            n = values.length;
            values.push(v);
            seen.set(id, n);
          }
          idx.push(n);
        }
        await write((i ? ',' : '') + idx.join(','));
        await yieldToLoop();
      }
      await write(`],"values":${asciiJson(values)}}`);
    }
    await write('},"plain":{');
    for (let k = 0; k < this.plainKeys.length; k++) {
      const key = this.plainKeys[k]!;
      await write(`${k ? ',' : ''}"${key}":[`);
      for (let i = 0; i < rows.length; i += SLICE) {
        const part: string[] = [];
        for (let r = i; r < Math.min(i + SLICE, rows.length); r++) part.push(asciiJson(rows[r]![key] ?? null));
        await write((i ? ',' : '') + part.join(','));
        await yieldToLoop();
      }
      await write(']');
    }
    await write('}}');
  }
}

export const devicesAsColumns = (devices: readonly Device[]): JsonStream => new ColumnStream(devices, DEVICE_DICT, [...DEVICE_PLAIN, ...DEVICE_PHOTO_PLAIN]);
export const reservationsAsColumns = (rs: readonly Reservation[]): JsonStream => new ColumnStream(rs, RESERVATION_DICT, RESERVATION_PLAIN);

function dictColumn(cols: Columns, key: string): (i: number) => any {
  const c = cols.dict[key];
  if (!c) throw new Error(`Snapshot column ${key} is missing`);
  const { values, idx } = c;
  return (i) => values[idx[i]!] ?? undefined;
}

/** A column added after snapshots were first written: absent in an older snapshot, read as undefined. */
function laterDictColumn(cols: Columns, key: string): (i: number) => any {
  return cols.dict[key] ? dictColumn(cols, key) : () => undefined;
}

function plainColumn(cols: Columns, key: string): (i: number) => any {
  const c = cols.plain[key];
  if (!c) throw new Error(`Snapshot column ${key} is missing`);
  return (i) => c[i] ?? undefined;
}

/** A plain column added after snapshots were first written: absent in an older snapshot, read as undefined. */
function laterPlainColumn(cols: Columns, key: string): (i: number) => any {
  return cols.plain[key] ? plainColumn(cols, key) : () => undefined;
}

export function decodeDevices(cols: Columns): Device[] {
  const [category, manufacturer, model, specs, condition, departmentId, locationId, status, weightKg, year] = DEVICE_DICT.slice(0, 10).map((k) => dictColumn(cols, k));
  // Snapshots written before e-waste batches have neither column.
  const weeeOverride = laterDictColumn(cols, 'weeeOverride');
  const batchId = laterDictColumn(cols, 'batchId');
  const photos = laterPlainColumn(cols, 'photos');
  // Snapshots written before availability (issue 11) have neither column.
  const availableFrom = laterDictColumn(cols, 'availableFrom');
  const offerUntil = laterDictColumn(cols, 'offerUntil');
  const [id, assetTag, serial, dataBearing, dataBearingOverride, notes, sanitizationId, reportedAt, updatedAt, trailLength] = DEVICE_PLAIN.map((k) =>
    plainColumn(cols, k),
  );
  const out: Device[] = new Array(cols.count);
  for (let i = 0; i < cols.count; i++) {
    out[i] = {
      id: id!(i),
      assetTag: assetTag!(i),
      category: category!(i),
      manufacturer: manufacturer!(i),
      model: model!(i),
      serial: serial!(i),
      specs: specs!(i),
      condition: condition!(i),
      dataBearing: dataBearing!(i),
      dataBearingOverride: dataBearingOverride!(i),
      departmentId: departmentId!(i),
      locationId: locationId!(i),
      status: status!(i),
      weightKg: weightKg!(i),
      year: year!(i),
      notes: notes!(i),
      sanitizationId: sanitizationId!(i),
      weeeOverride: weeeOverride(i),
      batchId: batchId(i),
      photos: photos(i),
      availableFrom: availableFrom(i),
      offerUntil: offerUntil(i),
      reportedAt: reportedAt!(i),
      updatedAt: updatedAt!(i),
      trailLength: trailLength!(i),
    };
  }
  return out;
}

export function decodeReservations(cols: Columns): Reservation[] {
  const [departmentId, reservedBy, status] = RESERVATION_DICT.slice(0, 3).map((k) => dictColumn(cols, k));
  const locationId = laterDictColumn(cols, 'locationId');
  const [id, deviceId, createdAt, expiresAt, endedAt] = RESERVATION_PLAIN.map((k) => plainColumn(cols, k));
  const out: Reservation[] = new Array(cols.count);
  for (let i = 0; i < cols.count; i++) {
    out[i] = {
      id: id!(i),
      deviceId: deviceId!(i),
      departmentId: departmentId!(i),
      locationId: locationId(i),
      reservedBy: reservedBy!(i),
      createdAt: createdAt!(i),
      expiresAt: expiresAt!(i),
      status: status!(i),
      endedAt: endedAt!(i),
    };
  }
  return out;
}
