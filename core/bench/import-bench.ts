/**
 * `npm run bench:import [-- --rows 100000 --dir D]`
 * On the bench:store data set (100,000 devices, generated into D/file-N if absent; an existing one is reused
 * and copied, never written to): writes a register CSV of `rows` rows as Danish Excel saves it (';', BOM,
 * decimal comma, dd-mm-yyyy), of which one row in 200 is refused (an unknown category) and one in 100 names
 * a device the store already has by its serial, then times, as an admin, the dry run (import.analyze then
 * import.dryRun: the file read, every row decided) and the import (import.start until the job is done),
 * then a second import of the same file (0 changes). Watches the event loop (the longest delay) and the heap
 * (sampled every 5 ms). Logs each stall over 50 ms with its phase and time (to lay beside --trace-gc), and the
 * live heap after a forced collection once the store is open and after the imports: the floor the store itself
 * holds. Prints one JSON line last.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { toCsv } from '../../shared/csv';
import { FileStore } from '../store/file/file-store';
import { analyzeImport, dryRunImport, importFinished, startImport } from '../import/service';
import type { ServiceContext } from '../context';
import { contract } from '../../shared/contract';
import { BENCH_DATA_OPTIONS, buildBenchData } from './bench-data';

const { values: args } = parseArgs({ options: { ...BENCH_DATA_OPTIONS, rows: { type: 'string', default: '100000' } } });
const DEVICES = Number(args.devices);
const EVENTS = Number(args.events);
const ROWS = Number(args.rows);
const log = (m: string) => process.stderr.write(`${m}\n`);
const now = () => performance.now();
const round = (x: number) => Math.round(x * 10) / 10;
const gc = () => (globalThis as { gc?: () => void }).gc?.(); // why: --expose-gc gives globalThis a gc the types do not know
/** The heap still reachable: after a full collection (when --expose-gc allows one). */
const liveHeapMb = () => {
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
};

/** The stall the issue allows; longer ones are listed with their phase and time. */
const STALL_MS = 50;

const SHELVES = ['Hylde A-01', 'Hylde B-03', 'Hylde C-05'];
const SITES = ['Valby Skole, Vigerslevvej 1', 'TMF, Njalsgade 13'];

/** The register: mostly new devices in stock or in use; some refused; some already in the store (by serial). */
function registerCsv(known: readonly string[]): string {
  const rows: (string | number)[][] = [['Serienummer', 'Kategori', 'Fabrikat', 'Model', 'Årgang', 'RAM (GB)', 'Skærm (tommer)', 'Stand', 'Status', 'Lokation', 'Forvaltning', 'Indkøbsdato', 'Noter']];
  for (let i = 0; i < ROWS; i++) {
    const atSite = i % 3 === 0;
    const serial = i % 100 === 7 && known.length ? known[i % known.length]! : `IMP-${String(i).padStart(7, '0')}`;
    rows.push([
      serial,
      i % 200 === 11 ? 'Brødrister' : i % 4 === 0 ? 'Skærm' : 'Bærbar computer',
      i % 2 ? 'Lenovo' : 'HP',
      i % 2 ? 'ThinkPad T14' : 'EliteBook 840',
      2018 + (i % 6),
      8 * (1 + (i % 4)),
      i % 4 === 0 ? 23.8 : 14,
      'B',
      atSite ? 'I brug' : 'På lager',
      atSite ? SITES[i % SITES.length]! : SHELVES[i % SHELVES.length]!,
      atSite ? '' : 'BUF',
      `${String(1 + (i % 28)).padStart(2, '0')}-0${1 + (i % 9)}-20${18 + (i % 6)}`,
      i % 10 === 0 ? 'Fra det gamle register' : '',
    ]);
  }
  return toCsv(rows);
}

async function main(): Promise<void> {
  const source = path.join(path.resolve(args.dir), `file-${DEVICES}`);
  await buildBenchData('file', source, DEVICES, EVENTS, args.fresh, log);
  const runDir = path.join(path.resolve(args.dir), 'import-run');
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.cpSync(source, runDir, { recursive: true });
  let peakHeap = 0;
  /** The peak of the phase running now (dry run, import, second import), for the log. */
  let phasePeak = 0;
  const sampleHeap = () => {
    const used = process.memoryUsage().heapUsed;
    peakHeap = Math.max(peakHeap, used);
    phasePeak = Math.max(phasePeak, used);
  };
  /** The phase's peak heap in MB, and the next phase's starts from now (no collection forced in between). */
  const phaseHeapMb = () => {
    const mb = Math.round(phasePeak / 1024 / 1024);
    phasePeak = 0;
    return mb;
  };
  /** The phase running now, and the event-loop stalls over STALL_MS seen in it (when, how long), to place them beside --trace-gc. */
  let phase = 'setup';
  const stalls: { phase: string; atMs: number; ms: number }[] = [];
  let lastTick = now();
  const sampler = setInterval(() => {
    const t = now();
    // why: the sampler asks for a turn every 5 ms; a turn that came much later means the loop was held that long
    if (t - lastTick - 5 > STALL_MS) stalls.push({ phase, atMs: Math.round(lastTick), ms: round(t - lastTick - 5) });
    lastTick = t;
    sampleHeap();
  }, 5);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  try {
    const t0 = now();
    const store = await FileStore.open(runDir, { log });
    log(`open: ${Math.round(now() - t0)} ms, ${await store.deviceCount()} devices; live heap ${liveHeapMb()} MB`);
    const user = await store.getUser('user-admin-1');
    if (!user) throw new Error('the data set has no admin user-admin-1');
    const ctx: ServiceContext = { store, clock: { now: () => new Date() }, actor: { kind: 'user', user, department: await store.getDepartment(user.departmentId) } };
    const known = (await store.searchDevices({ sort: 'updated_desc', limit: 1000, offset: 0 })).items.map((d) => d.serial);
    const fileName = 'register.csv';
    // The input as a transport hands it over: parsed by the contract (base64 of the file). Only it stays referenced.
    let analyzeInput: ReturnType<(typeof contract)['import.analyze']['input']['parse']> | undefined = (() => {
      const bytes = Buffer.from(registerCsv(known));
      log(`register: ${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
      return contract['import.analyze'].input.parse({ fileName, dataBase64: bytes.toString('base64') });
    })();
    gc();
    peakHeap = 0;
    phasePeak = 0;
    loop.enable();

    phase = 'dry run';
    lastTick = now();
    const t = now();
    const file = await analyzeImport(ctx, analyzeInput);
    // As after a call: the request body is garbage once the file is read.
    analyzeInput = undefined;
    const analyzeMs = now() - t;
    const dry = await dryRunImport(ctx, contract['import.dryRun'].input.parse({ sha256: file.sha256, fileName, mapping: file.guess }));
    const dryRunMs = now() - t;
    log(`dry run: ${Math.round(dryRunMs)} ms (of which reading the file ${Math.round(analyzeMs)} ms): ${JSON.stringify(dry.counts)}`);
    const dryHeap = phaseHeapMb();
    const dryStall = loop.max / 1e6;
    const dryP99 = loop.percentile(99) / 1e6;

    /** One import of the file, timed, with the longest and the 99th-percentile event-loop delay while it ran. */
    const timedImport = async (name: string) => {
      phase = name;
      loop.reset();
      const started = now();
      const job = await startImport(ctx, contract['import.start'].input.parse({ sha256: file.sha256, fileName, mapping: file.guess }), 'da');
      const done = await importFinished(ctx, job.jobId);
      return { done, ms: now() - started, stall: loop.max / 1e6, p99: loop.percentile(99) / 1e6, heap: phaseHeapMb() };
    };
    const first = await timedImport('import');
    const importMs = first.ms;
    const importStall = first.stall;
    const importP99 = first.p99;
    log(`import: ${Math.round(importMs)} ms: ${first.done.state} ${JSON.stringify(first.done.counts)}; ${await store.deviceCount()} devices now`);
    const again = await timedImport('second import');
    const second = again.done;
    const secondMs = again.ms;
    const secondStall = again.stall;
    loop.disable();
    phase = 'after';
    log(`second import of the same file: ${Math.round(secondMs)} ms: ${JSON.stringify(second.counts)}`);
    log(`longest event-loop delay (ms): dry run ${round(dryStall)}, import ${round(importStall)}, second import ${round(secondStall)}`);
    log(`99th percentile of the event-loop delay (ms): dry run ${round(dryP99)}, import ${round(importP99)}`);
    log(`peak heap (MB): dry run ${dryHeap}, import ${first.heap}, second import ${again.heap}`);
    log(`event-loop stalls over ${STALL_MS} ms: ${stalls.length ? stalls.map((s) => `${s.phase} at ${s.atMs} ms: ${s.ms} ms`).join('; ') : 'none'}`);
    log(`live heap after the imports (${await store.deviceCount()} devices, file and jobs still kept): ${liveHeapMb()} MB`);
    log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
    await store.close();
    console.log(
      JSON.stringify({
        rows: ROWS,
        existing_devices: DEVICES,
        dry_run_100k_ms: Math.round(dryRunMs),
        import_100k_ms: Math.round(importMs),
        second_import_ms: Math.round(secondMs),
        second_import_changes: second.counts.create + second.counts.update,
        max_loop_stall_ms: round(Math.max(dryStall, importStall, secondStall)),
        heap_mb: Math.round(peakHeap / 1024 / 1024),
      }),
    );
  } finally {
    clearInterval(sampler);
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
