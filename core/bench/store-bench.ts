/**
 * `npm run bench:store -- --devices 100000 --events 1000000`
 * Generates the data set with the demo-data generator, runs the same workload on the file store and on
 * the SQLite reference (WAL, synchronous=NORMAL), and prints one JSON line of figures last.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Category } from '../../shared/schemas';
import type { ServiceContext } from '../context';
import { mulberry32 } from '../demo/generate';
import { BENCH_DATA_OPTIONS, buildBenchData } from './bench-data';
import { publishDevice, unpublishDevice } from '../devices/service';
import { addDevice, batchDetail, collectBatch, createBatch, registerCertificate, sealBatch } from '../batches/service';
import { routeToEwaste } from '../ewaste/service';
import { saveRecycler } from '../recyclers/service';
import { BATCH_MAX_DEVICES } from '../../shared/contract';
import { copenhagenDay } from '../../shared/days';
import { FileStore } from '../store/file/file-store';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import { envTrailKeySource } from '../store/trail-key';
import { randomBytes } from 'node:crypto';
import type { DeviceQuery, Store } from '../store/store';

const { values: args } = parseArgs({
  options: {
    ...BENCH_DATA_OPTIONS,
    /** Internal: measure writes on one store in this (fresh) process and print the times as JSON. */
    'measure-writes': { type: 'string' },
  },
});
const DEVICES = Number(args.devices);
const MEASURE_WRITES = args['measure-writes'];
const EVENTS = Number(args.events);
if (!MEASURE_WRITES && (!Number.isInteger(DEVICES) || DEVICES < 100) || (!MEASURE_WRITES && (!Number.isInteger(EVENTS) || EVENTS < DEVICES))) {
  console.error('Usage: npm run bench:store -- --devices N (>= 100) --events M (>= N) [--dir D] [--fresh]');
  process.exit(2);
}

const log = (m: string) => process.stderr.write(`${m}\n`);
// The file store is measured keyed, as the app runs it (every event gets its HMAC link); the write-measuring
// child inherits the key. The first keyed open of the generated data seals it (one HMAC over 100,000 heads).
process.env.KREDSLOB_TRAIL_KEY ??= randomBytes(32).toString('hex');
const fileOptions = (dir: string) => ({ log, trailKey: envTrailKeySource(dir) });
const now = () => performance.now();
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}
const round = (x: number) => Math.round(x * 1000) / 1000;
/**
 * One timer turn of the event loop. The delay monitor records a stall only when its timer fires after it,
 * so a monitor disabled in the same turn as a long synchronous stretch would never see that stretch.
 */
const loopTurn = () => new Promise((resolve) => setTimeout(resolve, 5));
function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const build = (kind: 'file' | 'sqlite', dir: string, devices: number, events: number) => buildBenchData(kind, dir, devices, events, args.fresh, log);

async function actingAs(store: Store, userId = 'user-warehouse-1'): Promise<ServiceContext> {
  const user = (await store.getUser(userId))!;
  return { store, clock: { now: () => new Date() }, actor: { kind: 'user', user, department: await store.getDepartment(user.departmentId) } };
}

/** One state transition with its trail event: publish/unpublish, alternating, on devices on the marketplace. */
async function writes(store: Store, count: number, onEach?: (i: number) => Promise<void> | void): Promise<number[]> {
  const ctx = await actingAs(store);
  const listed = (await store.searchDevices({ status: 'listed', sort: 'updated_desc', limit: 500, offset: 0 })).items.map((d) => d.id);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = listed[i % listed.length]!;
    const round2 = Math.floor(i / listed.length) % 2 === 0;
    const t = now();
    if (round2) await unpublishDevice(ctx, { deviceId: id, reason: 'bench' });
    else await publishDevice(ctx, { deviceId: id });
    times.push(now() - t);
    // why: a real write arrives as its own IPC/HTTP request; let the event loop turn between them
    await new Promise((r) => setImmediate(r));
    await onEach?.(i);
  }
  return times;
}

const SEARCHES: [string, Category][] = [
  ['thinkpad', 'laptop'],
  ['latitude', 'laptop'],
  ['dell', 'monitor'],
  ['elitebook 840', 'laptop'],
  ['ipad', 'tablet'],
  ['optiplex', 'desktop'],
  ['galaxy', 'phone'],
  ['p2422h', 'monitor'],
];

async function searches(store: Store, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [text, category] of SEARCHES) {
      const t = now();
      await store.searchDevices({ text, category, sort: 'updated_desc', limit: 50, offset: 0 });
      times.push(now() - t);
    }
  }
  return times;
}

/**
 * First pages of "Alle enheder" chosen by filters alone (no search text), as the screen asks for them.
 * The file store scans every device for each; SQLite answers from its indexes where it has one.
 */
const FILTERS: Omit<DeviceQuery, 'limit' | 'offset'>[] = [
  { sort: 'updated_desc' },
  { status: 'in_stock', sort: 'updated_desc' },
  { status: 'reused', departmentId: 'dep-suf', sort: 'updated_desc' },
  { departmentId: 'dep-buf', sort: 'model_asc' },
  { status: 'listed', category: 'monitor', sort: 'year_desc' },
  { category: 'laptop', sort: 'reported_desc' },
];

async function filters(store: Store, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const filter of FILTERS) {
      const t = now();
      await store.searchDevices({ ...filter, limit: 50, offset: 0 });
      times.push(now() - t);
    }
  }
  return times;
}

async function trails(store: Store, ids: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const id of ids) {
    const t = now();
    await store.trail(id);
    times.push(now() - t);
  }
  return times;
}

/**
 * A full batch of 5,000 devices (fewer in a small data set) through the real services: listed devices (wiped where data-bearing) are
 * routed to e-waste and a recycler saved (not timed), then each device is added by its tag (timed per
 * scan), the batch sealed and collected (not timed), and one recycling certificate listing every serial
 * registered (timed whole).
 */
async function batchOfFiveThousand(store: Store): Promise<{ scanTimes: number[]; certificateMs: number; matched: number; routeMs: number; collectMs: number }> {
  const wh = await actingAs(store);
  const admin = await actingAs(store, 'user-admin-1');
  const candidates = (await store.searchDevices({ status: 'listed', sort: 'model_asc', limit: BATCH_MAX_DEVICES, offset: 0 })).items;
  // A small data set (--devices 1000) fills a smaller batch; the log line says how many.
  if (candidates.length === 0) throw new Error('no listed devices to fill a batch');
  const today = copenhagenDay(new Date());
  const recycler = await saveRecycler(admin, {
    legalName: 'Bench Genanvendelse A/S',
    cvr: '64942212',
    address: 'Industrivej 1, 2600 Glostrup',
    certifications: [{ scheme: 'WEEELABEX', number: 'WL-BENCH', validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` }],
  });
  const r0 = now();
  for (const d of candidates) {
    await routeToEwaste(wh, { deviceId: d.id, reason: 'obsolete' });
    await new Promise((r) => setImmediate(r));
  }
  const routeMs = now() - r0;
  const batch = await createBatch(wh, { containerType: 'pallet', certifiedDestruction: false });
  const scanTimes: number[] = [];
  for (const d of candidates) {
    const t = now();
    await addDevice(wh, { batchId: batch.id, tag: d.assetTag });
    scanTimes.push(now() - t);
    // why: each scan arrives as its own request; let the event loop turn between them
    await new Promise((r) => setImmediate(r));
  }
  const detail = await batchDetail(wh, batch.id);
  const weightsKg = Object.fromEntries(detail.weee.map((w) => [w.category, Math.max(0.001, w.declaredKg)]));
  await sealBatch(wh, { batchId: batch.id, sealId: 'PL-BENCH', weightsKg });
  const c0 = now();
  await collectBatch(wh, { batchId: batch.id, recyclerId: recycler.id, waybill: 'FB-BENCH', date: today });
  const collectMs = now() - c0;
  const t0 = now();
  const result = await registerCertificate(wh, {
    batchId: batch.id,
    number: 'GB-BENCH',
    issueDate: today,
    kind: 'recycling',
    serials: candidates.map((d) => d.serial),
  });
  const certificateMs = now() - t0;
  if (result.detail.batch.status !== 'closed') throw new Error(`certificate left ${result.detail.missingCount} devices missing`);
  return { scanTimes, certificateMs, matched: result.certificate.matched.length, routeMs, collectMs };
}

/** Runs this script again with --measure-writes and returns the measured write times. */
function measureWritesInChild(kind: 'file' | 'sqlite', dir: string): number[] {
  const result = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--measure-writes', `${kind}:${dir}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`write measurement on ${dir} failed (${result.status})`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as number[];
}

/** The child's side: 1,000 unmeasured warm-up writes (so no figure carries the JIT's warm-up), then 5,000 measured. */
async function measureWrites(spec: string): Promise<void> {
  const [kind, dir] = [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)];
  const store: Store = kind === 'sqlite' ? await SqliteStore.open(dir) : await FileStore.open(dir, fileOptions(dir));
  const times = (await writes(store, 6000)).slice(1000);
  await store.close();
  console.log(JSON.stringify(times));
}

async function main(): Promise<void> {
  const base = path.resolve(args.dir);
  const fileDir = path.join(base, `file-${DEVICES}`);
  const sqliteDir = path.join(base, `sqlite-${DEVICES}`);
  const smallDir = path.join(base, 'file-1000');
  await build('file', fileDir, DEVICES, EVENTS);
  await build('sqlite', sqliteDir, DEVICES, EVENTS);
  await build('file', smallDir, 1000, Math.round((1000 * EVENTS) / DEVICES));

  // Work on copies so every run starts from the same generated data.
  const runDir = path.join(base, 'run');
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.cpSync(fileDir, path.join(runDir, 'file'), { recursive: true });
  fs.cpSync(sqliteDir, path.join(runDir, 'sqlite'), { recursive: true });
  fs.cpSync(smallDir, path.join(runDir, 'small'), { recursive: true });

  // ---- writes: each store measured alone in a fresh process, so no store's heap or JIT state colours another's ----
  const fileWrites = measureWritesInChild('file', path.join(runDir, 'file'));
  const sqliteWrites = measureWritesInChild('sqlite', path.join(runDir, 'sqlite'));
  const smallWrites = measureWritesInChild('file', path.join(runDir, 'small'));

  // ---- open (median of 5, each store alone), heap ----
  // Each open runs in its own function call, so nothing of one open is still referenced during the next.
  const timeFileOpen = async (): Promise<number> => {
    gc();
    const t0 = now();
    const s = await FileStore.open(path.join(runDir, 'file'), fileOptions(path.join(runDir, 'file')));
    const ms = now() - t0;
    await s.close();
    return ms;
  };
  const timeSqliteOpen = async (): Promise<number> => {
    gc();
    const t0 = now();
    const s = await SqliteStore.open(path.join(runDir, 'sqlite'));
    const all = s.loadAllDevices();
    const ms = now() - t0;
    if (all.length === 0) throw new Error('SQLite store is empty');
    await s.close();
    return ms;
  };
  const fileOpens: number[] = [];
  const sqliteOpens: number[] = [];
  for (let i = 0; i < 5; i++) fileOpens.push(await timeFileOpen());
  for (let i = 0; i < 5; i++) sqliteOpens.push(await timeSqliteOpen());
  const openMs = median(fileOpens);
  const sqliteOpenMs = median(sqliteOpens);
  gc();
  const file = await FileStore.open(path.join(runDir, 'file'), fileOptions(path.join(runDir, 'file')));
  gc();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const sqlite = await SqliteStore.open(path.join(runDir, 'sqlite'));
  const everything = await file.searchDevices({ sort: 'updated_desc', limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  const devices = everything.total;
  const events = everything.items.reduce((n, d) => n + d.trailLength, 0);
  log(`open: file ${fileOpens.map(Math.round).join('/')} ms, sqlite (open + load all devices) ${sqliteOpens.map(Math.round).join('/')} ms; heap ${Math.round(heapMb)} MB; ${devices} devices, ${events} events`);

  const rnd = mulberry32(99);
  const allIds = everything.items.map((d) => d.id);
  everything.items.length = 0;
  const sampleIds = Array.from({ length: 500 }, () => allIds[Math.floor(rnd() * allIds.length)]!);

  // ---- reads ----
  const searchP50 = median(await searches(file, 6));
  const sqliteSearchP50 = median(await searches(sqlite, 6));
  const filterP50 = median(await filters(file, 5));
  const sqliteFilterP50 = median(await filters(sqlite, 5));
  const trailP50 = median(await trails(file, sampleIds));
  const sqliteTrailP50 = median(await trails(sqlite, sampleIds));
  log(`search ${round(searchP50)} / sqlite ${round(sqliteSearchP50)} ms; filters ${round(filterP50)} / ${round(sqliteFilterP50)} ms; trail ${round(trailP50)} / ${round(sqliteTrailP50)} ms`);

  log(`write p50 ${round(median(fileWrites))} / sqlite ${round(median(sqliteWrites))} / at 1k ${round(median(smallWrites))} ms`);

  // ---- event-loop stalls during 10,000 writes, with a compaction in the middle ----
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const gcPauses: { ms: number; kind: number; at: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcPauses.push({ ms: e.duration, kind: (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0, at: e.startTime });
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  let compaction: Promise<void> | null = null;
  let compactionMs = 0;
  histogram.enable();
  const stallWrites = await writes(file, 10_000, (i) => {
    if (i === 2000) {
      const c0 = now();
      compaction = file.compact().then(() => {
        compactionMs = now() - c0;
      });
    }
  });
  if (compaction) await compaction;
  await loopTurn();
  histogram.disable();
  gcObserver.disconnect();
  const maxStallMs = histogram.max / 1e6;
  const longestGc = gcPauses.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, kind: 0, at: 0 });
  log(`longest GC pause during those writes: ${round(longestGc.ms)} ms (kind ${longestGc.kind}; 1 minor, 2 major, 4 incremental, 8 weak callbacks)`);
  log(
    `max event-loop delay over 10,000 writes with a compaction (${Math.round(compactionMs)} ms): ${round(maxStallMs)} ms; ` +
      `slowest single write ${round(Math.max(...stallWrites))} ms`,
  );

  // ---- one batch of 5,000 devices, from routing to certificate, under the same stall monitor ----
  const batchHistogram = monitorEventLoopDelay({ resolution: 1 });
  batchHistogram.enable();
  const batch = await batchOfFiveThousand(file);
  await loopTurn();
  batchHistogram.disable();
  const batchStallMs = batchHistogram.max / 1e6;
  log(
    `batch of ${batch.matched}: routing ${Math.round(batch.routeMs)} ms (not timed), scan p50 ${round(median(batch.scanTimes))} ms ` +
      `(p99 ${round(quantile(batch.scanTimes, 0.99))}), collect ${Math.round(batch.collectMs)} ms, certificate ${Math.round(batch.certificateMs)} ms; ` +
      `max event-loop delay ${round(batchStallMs)} ms`,
  );

  const problems = await file.verifyTrails();
  log(`trail verification after the run: ${problems.length} problems`);
  await file.close();
  await sqlite.close();
  fs.rmSync(runDir, { recursive: true, force: true });

  console.log(
    JSON.stringify({
      devices,
      events,
      open_ms: round(openMs),
      sqlite_open_ms: round(sqliteOpenMs),
      write_p50_ms: round(median(fileWrites)),
      write_p99_ms: round(quantile(fileWrites, 0.99)),
      sqlite_write_p50_ms: round(median(sqliteWrites)),
      write_p50_ms_at_1k: round(median(smallWrites)),
      search_p50_ms: round(searchP50),
      sqlite_search_p50_ms: round(sqliteSearchP50),
      filter_p50_ms: round(filterP50),
      sqlite_filter_p50_ms: round(sqliteFilterP50),
      trail_p50_ms: round(trailP50),
      sqlite_trail_p50_ms: round(sqliteTrailP50),
      max_loop_stall_ms: round(Math.max(maxStallMs, batchStallMs)),
      batch_scan_p50_ms: round(median(batch.scanTimes)),
      certificate_5000_ms: round(batch.certificateMs),
      batch_max_loop_stall_ms: round(batchStallMs),
      heap_mb: round(heapMb),
      trail_problems: problems.length,
    }),
  );
}

(MEASURE_WRITES ? measureWrites(MEASURE_WRITES) : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
