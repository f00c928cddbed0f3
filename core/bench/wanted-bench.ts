/**
 * `npm run bench:wanted [-- --requests 1000 --devices 200]`
 * What matching wanted requests costs a listing: devices.publish timed with no wanted requests and then with
 * `--requests` open ones (spread over the categories, one in eight naming none), plus the matching step alone
 * (the store's by-category read and the predicate). Requests and devices are written straight into a fresh file
 * store. Prints one JSON line. A measurement, not a test: nothing here asserts a time.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatAssetTag } from '../../shared/categories';
import type { MarketFilter } from '../../shared/market-filter';
import { CATEGORIES, type Category, type Device } from '../../shared/schemas';
import { requestsMatching, type WantedRequest } from '../../shared/wanted';
import { systemClock, todayOf, type ServiceContext } from '../context';
import { seedReferenceData } from '../demo/generate';
import { publishDevice } from '../devices/service';
import { FileStore } from '../store/file/file-store';
import { WIPE } from '../testing/fixtures';

const { values: args } = parseArgs({ options: { requests: { type: 'string', default: '1000' }, devices: { type: 'string', default: '200' } } });
const REQUESTS = Number(args.requests);
const DEVICES = Number(args.devices);
if (!Number.isInteger(REQUESTS) || REQUESTS < 0 || !Number.isInteger(DEVICES) || DEVICES < 1) {
  console.error('Usage: npm run bench:wanted -- [--requests N] [--devices N]');
  process.exit(2);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-wanted-bench-'));
const store = await FileStore.open(dir, { log: () => {} });
try {
  await seedReferenceData(store);
  const users = await store.listUsers();
  const warehouse = users.find((u) => u.role === 'warehouse');
  const contacts = users.filter((u) => u.role === 'department_contact');
  if (!warehouse || contacts.length === 0) throw new Error('the demo data has no warehouse user or contacts');
  const ctx: ServiceContext = { store, clock: systemClock, actor: { kind: 'user', user: warehouse, department: await store.getDepartment(warehouse.departmentId) } };
  const now = new Date().toISOString();

  /** Devices in stock, wiped, ready to be listed: half laptops, the rest spread over the other categories. */
  async function stock(count: number, from: number): Promise<Device[]> {
    const made: Device[] = [];
    await store.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        const category: Category = i % 2 === 0 ? 'laptop' : CATEGORIES[i % CATEGORIES.length]!;
        const id = randomUUID();
        const sanitizationId = randomUUID();
        tx.putSanitization({ id: sanitizationId, deviceId: id, ...WIPE, operator: { id: warehouse!.id, name: warehouse!.name, role: 'warehouse' }, performedAt: now });
        const d: Device = {
          id,
          assetTag: formatAssetTag(await tx.allocateAssetTagNumber()),
          category,
          manufacturer: 'Lenovo',
          model: `Model ${from + i}`,
          serial: `WB-${from + i}`,
          specs: { ramGb: [8, 16, 32][i % 3], storageGb: 512, screenInch: 14 },
          condition: 'B',
          dataBearing: true,
          sanitizationId,
          departmentId: 'dep-buf',
          locationId: 'loc-shelf-A1',
          status: 'in_stock',
          weightKg: 1.6,
          year: 2020 + (i % 5),
          reportedAt: now,
          updatedAt: now,
          trailLength: 0,
        };
        tx.putDevice(d);
        made.push(d);
      }
    });
    return made;
  }

  async function timePublishes(devices: Device[]): Promise<number[]> {
    const ms: number[] = [];
    for (const d of devices) {
      const t = performance.now();
      await publishDevice(ctx, { deviceId: d.id });
      ms.push(performance.now() - t);
    }
    return ms.sort((a, b) => a - b);
  }

  const baseline = await timePublishes(await stock(DEVICES, 0));

  const filters: MarketFilter[] = [{ ramMinGb: 16 }, { ramMinGb: 32, yearMin: 2023 }, { storageMinGb: 1024 }, { screenMinInch: 13, screenMaxInch: 15 }, { conditions: ['A'] }];
  await store.transaction(async (tx) => {
    for (let i = 0; i < REQUESTS; i++) {
      const contact = contacts[i % contacts.length]!;
      const category = i % 8 === 0 ? undefined : CATEGORIES[i % CATEGORIES.length];
      const request: WantedRequest = {
        id: randomUUID(),
        departmentId: contact.departmentId,
        filter: { ...filters[i % filters.length], ...(category ? { category } : {}) },
        quantity: 1 + (i % 5),
        endsOn: '2099-12-31',
        status: 'open',
        createdBy: { id: contact.id, name: contact.name, role: contact.role, departmentId: contact.departmentId },
        createdAt: now,
        reservedDeviceIds: [],
      };
      tx.putWantedRequest(request);
    }
  });

  const devices = await stock(DEVICES, DEVICES);
  const today = todayOf(ctx);
  const matchMs: number[] = [];
  let candidates = 0;
  for (const d of devices) {
    const t = performance.now();
    const read = await store.openWantedRequests(d.category);
    requestsMatching(d, read, today);
    matchMs.push(performance.now() - t);
    candidates += read.length;
  }
  matchMs.sort((a, b) => a - b);
  const withRequests = await timePublishes(devices);
  const notified = (await Promise.all(contacts.map((c) => store.unreadNotifications(c.id)))).reduce((a, b) => a + b, 0);

  console.log(
    JSON.stringify({
      open_requests: REQUESTS,
      devices_listed: DEVICES,
      publish_p50_ms_no_requests: round(pct(baseline, 50)),
      publish_p95_ms_no_requests: round(pct(baseline, 95)),
      publish_p50_ms: round(pct(withRequests, 50)),
      publish_p95_ms: round(pct(withRequests, 95)),
      match_p50_ms: round(pct(matchMs, 50)),
      match_p95_ms: round(pct(matchMs, 95)),
      requests_read_per_listing: Math.round(candidates / DEVICES),
      notifications_written: notified,
    }),
  );
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
