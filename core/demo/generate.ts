/**
 * The demo-data generator: a believable municipality with devices in every state and trails that follow
 * the lifecycle table step by step (each step is checked with `decide`). Deterministic for a seed.
 * Used by the benchmark (100,000 devices, ~1,000,000 events); the first-start demo is history.ts, through the services.
 */
import { seedWantedDemo } from './wanted';
import { decide, type Action } from '../../shared/lifecycle';
import { effectiveDataBearing } from '../../shared/data-bearing';
import { CATEGORY_FACTS, formatAssetTag } from '../../shared/categories';
import type { ActorSnapshot, Category, Condition, Device, DeviceStatus, Location, NewTrailEvent, Specs } from '../../shared/schemas';
import type { Store, StoreTx } from '../store/store';
import { DEPARTMENTS, LOCATIONS, UNITS, USERS, WAREHOUSE_ID } from './reference-data';
import type { ProcedureArgs } from '../../shared/contract';
import { referenceWriter, writeDepartment, writeLocation, writeUnit, writeUser } from '../admin/reference';
import { SYSTEM_ACTOR, systemClock, type Clock } from '../context';
import { DEFAULT_SETTINGS } from '../store/store';
import { seedApprovalDemo } from './approval';
import { seedEwasteDemo } from './ewaste';
import { seedHistory } from './history';
import { seedStockDemo } from './stock';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Model {
  category: Category;
  manufacturer: string;
  model: string;
  specs: Specs;
  years: [number, number];
}

export const MODELS: Model[] = [
  { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14 Gen 2', specs: { cpu: 'Intel Core i5-1135G7', ramGb: 16, storageGb: 256, storageType: 'ssd', screenInch: 14 }, years: [2021, 2022] },
  { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T480', specs: { cpu: 'Intel Core i5-8250U', ramGb: 8, storageGb: 256, storageType: 'ssd', screenInch: 14 }, years: [2018, 2019] },
  { category: 'laptop', manufacturer: 'Dell', model: 'Latitude 5420', specs: { cpu: 'Intel Core i5-1145G7', ramGb: 16, storageGb: 512, storageType: 'ssd', screenInch: 14 }, years: [2021, 2022] },
  { category: 'laptop', manufacturer: 'HP', model: 'EliteBook 840 G8', specs: { cpu: 'Intel Core i7-1165G7', ramGb: 16, storageGb: 512, storageType: 'ssd', screenInch: 14 }, years: [2021, 2022] },
  { category: 'laptop', manufacturer: 'Apple', model: 'MacBook Air 13" M1', specs: { cpu: 'Apple M1', ramGb: 8, storageGb: 256, storageType: 'ssd', screenInch: 13.3 }, years: [2020, 2022] },
  { category: 'desktop', manufacturer: 'Dell', model: 'OptiPlex 7090 Micro', specs: { cpu: 'Intel Core i5-10500T', ramGb: 16, storageGb: 256, storageType: 'ssd' }, years: [2020, 2022] },
  { category: 'desktop', manufacturer: 'HP', model: 'EliteDesk 800 G6 SFF', specs: { cpu: 'Intel Core i5-10500', ramGb: 8, storageGb: 256, storageType: 'ssd' }, years: [2020, 2021] },
  { category: 'desktop', manufacturer: 'Lenovo', model: 'ThinkCentre M720q', specs: { cpu: 'Intel Core i5-8400T', ramGb: 8, storageGb: 500, storageType: 'hdd' }, years: [2018, 2019] },
  { category: 'monitor', manufacturer: 'Dell', model: 'P2422H', specs: { screenInch: 24 }, years: [2021, 2023] },
  { category: 'monitor', manufacturer: 'Lenovo', model: 'ThinkVision T24i-20', specs: { screenInch: 23.8 }, years: [2019, 2022] },
  { category: 'monitor', manufacturer: 'HP', model: 'E24 G4', specs: { screenInch: 23.8 }, years: [2020, 2022] },
  { category: 'tablet', manufacturer: 'Apple', model: 'iPad (9. generation)', specs: { storageGb: 64, storageType: 'emmc', screenInch: 10.2 }, years: [2021, 2022] },
  { category: 'tablet', manufacturer: 'Samsung', model: 'Galaxy Tab A8', specs: { storageGb: 32, storageType: 'emmc', screenInch: 10.5 }, years: [2022, 2023] },
  { category: 'phone', manufacturer: 'Apple', model: 'iPhone 12', specs: { storageGb: 64, storageType: 'emmc' }, years: [2020, 2022] },
  { category: 'phone', manufacturer: 'Samsung', model: 'Galaxy A52s', specs: { storageGb: 128, storageType: 'emmc' }, years: [2021, 2022] },
  { category: 'thin_client', manufacturer: 'IGEL', model: 'UD3 M340C', specs: { cpu: 'AMD Ryzen R1505G', ramGb: 4, storageGb: 8, storageType: 'emmc' }, years: [2020, 2022] },
  { category: 'docking_station', manufacturer: 'Lenovo', model: 'ThinkPad USB-C Dock Gen 2', specs: {}, years: [2019, 2022] },
  { category: 'docking_station', manufacturer: 'HP', model: 'USB-C Dock G5', specs: {}, years: [2020, 2022] },
  { category: 'network', manufacturer: 'Cisco', model: 'Catalyst 2960-X 24', specs: {}, years: [2015, 2018] },
  { category: 'printer_mfp', manufacturer: 'Ricoh', model: 'IM C3000', specs: { storageGb: 320, storageType: 'hdd' }, years: [2018, 2020] },
  { category: 'printer', manufacturer: 'HP', model: 'LaserJet Pro M404dn', specs: {}, years: [2019, 2021] },
  { category: 'server', manufacturer: 'Dell', model: 'PowerEdge R640', specs: { cpu: '2× Intel Xeon Silver 4214', ramGb: 128, storageGb: 1920, storageType: 'ssd' }, years: [2018, 2019] },
  { category: 'peripheral', manufacturer: 'Logitech', model: 'MK270 tastatur og mus', specs: {}, years: [2019, 2023] },
];

/** Final states and how often the demo has them (every state appears). */
const TARGETS: [keyof typeof PATHS, number][] = [
  ['reported', 10],
  ['in_stock', 14],
  ['listed', 24],
  ['reserved', 9],
  ['reused', 22],
  ['ewaste_queued', 7],
  ['in_batch', 4],
  ['collected', 3],
  ['certified', 2],
  ['recycled', 3],
  ['destroyed', 2],
];

// The generated bulk data has no requests pending approval: approval is an administration's choice made later
// (seedDemo turns it on for one administration after the history).
const PATHS: Record<Exclude<DeviceStatus, 'pending_approval'>, Action[]> = {
  reported: [],
  in_stock: ['checkIn'],
  listed: ['checkIn', 'recordSanitization', 'publish'],
  reserved: ['checkIn', 'recordSanitization', 'publish', 'reserve'],
  reused: ['checkIn', 'recordSanitization', 'publish', 'reserve', 'handOver'],
  ewaste_queued: ['checkIn', 'routeToEwaste'],
  in_batch: ['checkIn', 'routeToEwaste', 'recordSanitization', 'addToBatch'],
  collected: ['checkIn', 'routeToEwaste', 'recordSanitization', 'addToBatch', 'collect'],
  certified: ['checkIn', 'routeToEwaste', 'recordSanitization', 'addToBatch', 'collect', 'certify'],
  recycled: ['checkIn', 'routeToEwaste', 'recordSanitization', 'addToBatch', 'collect', 'certify', 'markRecycled'],
  destroyed: ['checkIn', 'routeToEwaste', 'recordSanitization', 'addToBatch', 'collect', 'certify', 'markDestroyed'],
};

const HOUR = 3600_000;

export interface GenerateOptions {
  devices: number;
  /** Average trail events per device; extra shelf moves and notes fill up to it. */
  eventsPerDevice?: number;
  seed?: number;
  now?: Date;
  /** Devices written per transaction (bigger is faster for the benchmark). */
  perTransaction?: number;
  onProgress?: (done: number) => void;
}

/** A demo location as locations.save takes it. */
function locationInput(l: Location): ProcedureArgs<'locations.save'> {
  if (l.kind === 'shelf') return { kind: 'shelf', parentId: l.parentId ?? WAREHOUSE_ID, name: l.name };
  if (l.kind === 'warehouse') return { kind: 'warehouse', name: l.name, address: l.address };
  return { kind: 'site', departmentId: l.departmentId ?? '', name: l.name, address: l.address };
}

/**
 * Writes departments, units, locations, users and settings (once, on an empty store), through the same writers
 * the admin screens' procedures use (core/admin/reference.ts), so the demo passes every rule an admin's change
 * does and the change log shows the system creating it. One transaction: the demo keeps its known ids.
 */
export async function seedReferenceData(store: Store, clock: Clock = systemClock): Promise<void> {
  const ctx = { store, clock, actor: SYSTEM_ACTOR };
  await store.transaction(async (tx) => {
    tx.putSettings(DEFAULT_SETTINGS);
    const w = referenceWriter(tx, ctx, { departments: [], units: [], locations: [], users: [] });
    for (const d of DEPARTMENTS) await writeDepartment(w, { code: d.code, name: d.name, nameEn: d.nameEn }, d.id);
    for (const u of UNITS) await writeUnit(w, { departmentId: u.departmentId, name: u.name }, u.id);
    for (const l of LOCATIONS) await writeLocation(w, locationInput(l), l.id);
    for (const u of USERS) await writeUser(w, { name: u.name, email: u.email, role: u.role, departmentId: u.departmentId, unitId: u.unitId }, u.id);
  });
}

function snapshotOf(userId: string): ActorSnapshot {
  const u = USERS.find((x) => x.id === userId)!;
  const d = DEPARTMENTS.find((x) => x.id === u.departmentId);
  return { id: u.id, name: u.name, role: u.role, departmentId: u.departmentId, departmentCode: d?.code };
}

/** Generates devices with consistent trails. Returns the number of events written. */
export async function generateDevices(store: Store, options: GenerateOptions): Promise<{ devices: number; events: number }> {
  const rnd = mulberry32(options.seed ?? 2026);
  const now = (options.now ?? new Date()).getTime();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const shelves = LOCATIONS.filter((l) => l.kind === 'shelf');
  const sites = LOCATIONS.filter((l) => l.kind === 'site');
  const locName = new Map(LOCATIONS.map((l) => [l.id, l.name]));
  const contacts = USERS.filter((u) => u.role === 'department_contact');
  const warehouse = USERS.filter((u) => u.role === 'warehouse').map((u) => snapshotOf(u.id));
  const totalWeight = TARGETS.reduce((s, [, w]) => s + w, 0);
  const perTx = options.perTransaction ?? 50;
  const target = options.eventsPerDevice ?? 0;
  let events = 0;
  let n = 0;
  const startTag = (await store.deviceCount()) + 1;

  const one = async (tx: StoreTx, index: number) => {
    let r = rnd() * totalWeight;
    let final: DeviceStatus = 'listed';
    for (const [s, w] of TARGETS) {
      if ((r -= w) < 0) {
        final = s;
        break;
      }
    }
    const model = pick(MODELS);
    const contact = pick(contacts);
    const site = sites.find((s) => s.departmentId === contact.departmentId) ?? sites[0]!;
    const steps = PATHS[final];
    // Events this device ends with: the target on average (at least its lifecycle path).
    const desired = Math.max(steps.length + 1, Math.round(target + (rnd() - 0.5) * 4));
    const extra = desired - steps.length - 1;
    const span = (steps.length + extra + 2) * 24 * HOUR;
    let t = now - span - rnd() * 300 * 24 * HOUR;
    if (final === 'reserved') t = now - span; // recent enough that the reservation is still active
    const at = () => new Date((t += HOUR + rnd() * 20 * HOUR)).toISOString();
    const tag = formatAssetTag(startTag + index);
    const reportedAt = at();
    let device: Device = {
      id: `dev-${tag.slice(3)}`,
      assetTag: tag,
      category: model.category,
      manufacturer: model.manufacturer,
      model: model.model,
      serial: `${model.manufacturer.slice(0, 2).toUpperCase()}${Math.floor(rnd() * 1e9).toString(36).toUpperCase().padStart(7, '0')}`,
      specs: model.specs,
      dataBearing: effectiveDataBearing(model.category, undefined),
      departmentId: contact.departmentId,
      locationId: site.id,
      status: 'reported',
      weightKg: CATEGORY_FACTS[model.category].typicalWeightKg,
      year: model.years[0] + Math.floor(rnd() * (model.years[1] - model.years[0] + 1)),
      reportedAt,
      updatedAt: reportedAt,
      trailLength: 0,
    };
    let seq = 0;
    const emit = async (actor: ActorSnapshot, body: Record<string, unknown> & { type: string }, when = at()) => {
      seq++;
      await tx.appendEvent({
        id: `${device.id}-e${seq}`,
        deviceId: device.id,
        at: when,
        actor,
        locationId: device.locationId,
        locationName: locName.get(device.locationId) ?? device.locationId,
        ...body,
      } as NewTrailEvent); // why: each body below is one TrailEvent variant's own fields
      device = { ...device, updatedAt: when };
    };
    await emit(snapshotOf(contact.id), { type: 'reported', departmentId: device.departmentId }, reportedAt);
    let fillers = extra;
    let reservationId = '';
    let reserver = contact;
    const batchId = `batch-${new Date(t).getFullYear()}-${String(1 + Math.floor(rnd() * 40)).padStart(3, '0')}`;
    // Bulk data (the benchmarks) has no batch records: its batch events name a made-up batch and recycler, in
    // the shape the trail schema asks for, so any device page of such data still reads.
    const batchNumber = `AP-${batchId.slice(6).replace('-', '')}`;
    const certificateNo = `CERT-${batchId.slice(6)}`;
    const recycler = { recyclerName: 'Demo Genanvendelse A/S', recyclerCvr: '25313763' };
    for (let step = 0; step < steps.length; step++) {
      const action = steps[step]!;
      const later = steps.length - step - 1; // events still to come on the path
      const staff = pick(warehouse);
      const reserving = action === 'reserve';
      if (reserving) reserver = pick(contacts.filter((c) => c.departmentId !== device.departmentId));
      const sanitized = device.sanitizationId ? { verified: true, method: 'purge' } : undefined;
      const decision = decide(action, {
        device,
        sanitization: sanitized,
        actorRole: reserving ? 'department_contact' : 'warehouse',
        actorDepartmentId: reserving ? reserver.departmentId : 'dep-okf',
        inDestructionBatch: final === 'destroyed',
      });
      if (!decision.ok) throw new Error(`Demo path broke the lifecycle: ${action} from ${device.status}: ${decision.code}`);
      const to = decision.to;
      switch (action) {
        case 'checkIn': {
          const condition: Condition = final === 'ewaste_queued' || steps.includes('routeToEwaste') ? pick(['D', 'defective'] as const) : pick(['A', 'B', 'B', 'C'] as const);
          device = { ...device, status: to, condition, locationId: pick(shelves).id };
          await emit(staff, { type: 'checked_in', condition });
          for (; fillers > 0 && rnd() < 0.6; fillers--) {
            const from = device.locationId;
            device = { ...device, locationId: pick(shelves).id };
            await emit(staff, { type: 'moved', fromLocationId: from });
          }
          break;
        }
        case 'recordSanitization': {
          if (!device.dataBearing) break;
          const id = `san-${device.id}`;
          const performedAt = at();
          const method = final === 'destroyed' ? 'destroy' : 'purge';
          tx.putSanitization({
            id,
            deviceId: device.id,
            method,
            technique: method === 'destroy' ? 'Makulering' : device.specs.storageType === 'hdd' ? 'ATA Secure Erase' : 'Kryptografisk sletning',
            mediaType: device.specs.storageType === 'hdd' ? 'hdd' : device.specs.storageType === 'emmc' ? 'emmc' : 'ssd',
            tool: 'Blancco Drive Eraser',
            toolVersion: '7.9.1',
            verificationMethod: 'full',
            verified: true,
            operator: staff,
            verifierName: pick(warehouse).name,
            performedAt,
          });
          device = { ...device, sanitizationId: id };
          await emit(staff, { type: 'sanitized', sanitizationId: id, method, verified: true }, performedAt);
          break;
        }
        case 'publish':
          device = { ...device, status: to };
          await emit(staff, { type: 'listed' });
          while (seq < desired - later) await emit(staff, { type: 'note_added', note: 'Kontrolleret på hylden' });
          break;
        case 'reserve': {
          reservationId = `res-${device.id}`;
          const createdAt = new Date(Math.min(now - HOUR, t + HOUR)).toISOString();
          const expiresAt = new Date(Date.parse(createdAt) + DEFAULT_SETTINGS.reservationDays * 24 * HOUR).toISOString();
          device = { ...device, status: to };
          const holder = snapshotOf(reserver.id);
          const toSite = sites.find((s) => s.departmentId === reserver.departmentId) ?? site;
          tx.putReservation({
            id: reservationId,
            deviceId: device.id,
            departmentId: reserver.departmentId,
            locationId: toSite.id,
            reservedBy: holder,
            createdAt,
            expiresAt,
            status: final === 'reserved' ? 'active' : 'fulfilled',
            ...(final === 'reserved' ? {} : { endedAt: expiresAt }),
          });
          await emit(holder, { type: 'reserved', reservationId, departmentId: reserver.departmentId, expiresAt }, createdAt);
          break;
        }
        case 'handOver': {
          const from = device.departmentId;
          const toSite = sites.find((s) => s.departmentId === reserver.departmentId) ?? site;
          await emit(staff, {
            type: 'handed_over',
            reservationId,
            fromDepartmentId: from,
            toDepartmentId: reserver.departmentId,
            replacesNewPurchase: rnd() < 0.7,
          });
          device = { ...device, status: to, departmentId: reserver.departmentId, locationId: toSite.id };
          break;
        }
        case 'routeToEwaste':
          device = { ...device, status: to };
          await emit(staff, { type: 'routed_to_ewaste', reason: device.condition === 'defective' ? 'Defekt' : 'Forældet, ingen efterspørgsel' });
          while (seq < desired - later) await emit(staff, { type: 'note_added', note: 'Afventer affaldsparti' });
          break;
        case 'addToBatch':
          device = { ...device, status: to };
          await emit(staff, { type: 'added_to_batch', batchId, batchNumber });
          break;
        case 'collect':
          device = { ...device, status: to };
          await emit(staff, { type: 'collected', batchId, batchNumber, ...recycler, waybill: `FB-${batchId.slice(6)}`, date: new Date(t).toISOString().slice(0, 10) });
          break;
        case 'certify':
          device = { ...device, status: to };
          await emit(staff, { type: 'certified', batchId, batchNumber, certificateNo, certificateKind: 'recycling', ...recycler });
          break;
        case 'markRecycled':
          device = { ...device, status: to };
          await emit(staff, { type: 'recycled', batchId, certificateNo });
          break;
        case 'markDestroyed':
          device = { ...device, status: to };
          await emit(staff, { type: 'destroyed', batchId, certificateNo });
          break;
        default:
          device = { ...device, status: to };
      }
    }
    while (seq < desired) await emit(snapshotOf(contact.id), { type: 'note_added', note: 'Opdateret beskrivelse' });
    tx.putDevice({ ...device, trailLength: seq });
    events += seq;
  };

  while (n < options.devices) {
    const count = Math.min(perTx, options.devices - n);
    const base = n;
    await store.transaction(async (tx) => {
      await tx.allocateAssetTagNumber();
      for (let i = 0; i < count; i++) await one(tx, base + i);
      // keep the tag counter past every generated tag
      while ((await tx.allocateAssetTagNumber()) < startTag + base + count - 1);
    });
    n += count;
    options.onProgress?.(n);
  }
  return { devices: n, events };
}

/**
 * Seeds an empty store with the municipality, 24 months of history ending `now` (history.ts: ~400 devices and
 * monthly e-waste batches, all through the services), the last weeks' batches, one in each state, the
 * warehouse's standing stock of the common categories (stock.ts), and a couple of open wanted requests (wanted.ts).
 */
export async function seedDemo(store: Store, now = new Date()): Promise<void> {
  await seedReferenceData(store, { now: () => now });
  await seedHistory(store, now);
  await seedEwasteDemo(store, now);
  await seedStockDemo(store, now);
  await seedApprovalDemo(store, now);
  await seedWantedDemo(store, now);
}
