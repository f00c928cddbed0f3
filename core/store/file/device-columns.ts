/**
 * Devices and reservations in a snapshot, stored by column, with dictionaries for values that repeat
 * (category, status, model, specs, who reserved …). At 100,000 devices this is a fraction of the size of
 * one JSON object per record and parses several times faster, which is most of the store's open time.
 * Decoding builds each record with one object literal, so every record has the same hidden class.
 */
import type { Device, Reservation } from '../../../shared/schemas';

export interface Columns {
  count: number;
  /** Repeating values: the distinct values and, per record, an index into them. */
  dict: Record<string, { values: unknown[]; idx: number[] }>;
  /** Values stored as they are; null where absent. */
  plain: Record<string, unknown[]>;
}
export type DeviceColumns = Columns;
export type ReservationColumns = Columns;

const DEVICE_DICT = ['category', 'manufacturer', 'model', 'specs', 'condition', 'departmentId', 'locationId', 'status', 'weightKg', 'year'] as const;
const DEVICE_PLAIN = ['id', 'assetTag', 'serial', 'dataBearing', 'dataBearingOverride', 'notes', 'sanitizationId', 'reportedAt', 'updatedAt', 'trailLength'] as const;
const RESERVATION_DICT = ['departmentId', 'reservedBy', 'status'] as const;
const RESERVATION_PLAIN = ['id', 'deviceId', 'createdAt', 'expiresAt', 'endedAt'] as const;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const SLICE = 2_000;

/** Encodes records by column, yielding to the event loop every few thousand records. */
async function encode<T extends object>(records: readonly T[], dictKeys: readonly string[], plainKeys: readonly string[]): Promise<Columns> {
  const dict: Columns['dict'] = {};
  const plain: Columns['plain'] = {};
  const seen = new Map<string, Map<unknown, number>>();
  for (const key of dictKeys) {
    dict[key] = { values: [], idx: new Array(records.length) };
    seen.set(key, new Map());
  }
  for (const key of plainKeys) plain[key] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Record<string, unknown>; // why: read by the key lists above
    for (const key of dictKeys) {
      const v = r[key] ?? null;
      // Objects (specs, actor snapshots) are compared by their JSON; everything else by value.
      const k = v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
      const s = seen.get(key)!;
      let n = s.get(k);
      if (n === undefined) {
        n = dict[key]!.values.length;
        dict[key]!.values.push(v);
        s.set(k, n);
      }
      dict[key]!.idx[i] = n;
    }
    for (const key of plainKeys) plain[key]![i] = r[key] ?? null;
    if (i % SLICE === SLICE - 1) await yieldToLoop();
  }
  return { count: records.length, dict, plain };
}

export const encodeDevices = (devices: readonly Device[]) => encode(devices, DEVICE_DICT, DEVICE_PLAIN);
export const encodeReservations = (rs: readonly Reservation[]) => encode(rs, RESERVATION_DICT, RESERVATION_PLAIN);

function dictColumn(cols: Columns, key: string): (i: number) => any {
  const c = cols.dict[key];
  if (!c) throw new Error(`Snapshot column ${key} is missing`);
  const { values, idx } = c;
  return (i) => values[idx[i]!] ?? undefined;
}

function plainColumn(cols: Columns, key: string): (i: number) => any {
  const c = cols.plain[key];
  if (!c) throw new Error(`Snapshot column ${key} is missing`);
  return (i) => c[i] ?? undefined;
}

export function decodeDevices(cols: Columns): Device[] {
  const [category, manufacturer, model, specs, condition, departmentId, locationId, status, weightKg, year] = DEVICE_DICT.map((k) => dictColumn(cols, k));
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
      reportedAt: reportedAt!(i),
      updatedAt: updatedAt!(i),
      trailLength: trailLength!(i),
    };
  }
  return out;
}

export function decodeReservations(cols: Columns): Reservation[] {
  const [departmentId, reservedBy, status] = RESERVATION_DICT.map((k) => dictColumn(cols, k));
  const [id, deviceId, createdAt, expiresAt, endedAt] = RESERVATION_PLAIN.map((k) => plainColumn(cols, k));
  const out: Reservation[] = new Array(cols.count);
  for (let i = 0; i < cols.count; i++) {
    out[i] = {
      id: id!(i),
      deviceId: deviceId!(i),
      departmentId: departmentId!(i),
      reservedBy: reservedBy!(i),
      createdAt: createdAt!(i),
      expiresAt: expiresAt!(i),
      status: status!(i),
      endedAt: endedAt!(i),
    };
  }
  return out;
}
