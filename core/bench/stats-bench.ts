/**
 * `npm run bench:stats -- --devices 100000 --events 1000000 [--dir D]`
 * On the same data set as bench:store (generated into D/file-N if absent; a folder bench:store made is
 * reused), copied so the source stays untouched: opens the file store (the first open of a snapshot
 * written before the statistic facts rebuilds them from the journal), then times stats.summary for the
 * year 2026, stats.devices and a device-level export of 100,000 rows as CSV and as XLSX (written to a temp
 * file), watching the event loop and the heap. Prints one JSON line last.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { FileStore } from '../store/file/file-store';
import { openStatsExport } from '../stats/export';
import { xlsxWorkerHeap } from '../stats/xlsx-worker';
import { statsDevices, statsSummary, type FactorVersion, type StatsQuery } from '../stats/summary';
import { BENCH_DATA_OPTIONS, buildBenchData } from './bench-data';

const { values: args } = parseArgs({
  options: {
    ...BENCH_DATA_OPTIONS,
    runs: { type: 'string', default: '20' },
  },
});
const DEVICES = Number(args.devices);
const EVENTS = Number(args.events);
const RUNS = Number(args.runs);
const log = (m: string) => process.stderr.write(`${m}\n`);
const now = () => performance.now();
const round = (x: number) => Math.round(x * 1000) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Two factor versions, the second created mid-year, so the summary looks a version up per hand-over. */
const LAPTOP_EDIT = '2026-06-15T10:00:00.000Z';
const base: FactorVersion = {
  number: 1,
  factors: { laptop: 235.9, desktop: 248.8, workstation: 547.6, thin_client: 45.3, tablet: 71.3, phone: 52.8, server: 1215.4, network: 16, monitor: 333.3, printer_mfp: null, printer: null, docking_station: null, peripheral: null, other: null },
  source: 'bench',
  createdAt: '2023-02-23T00:00:00.000Z',
};
const edited: FactorVersion = { ...base, number: 2, factors: { ...base.factors, laptop: 260 }, createdAt: LAPTOP_EDIT };
const versionAt = (_: unknown, at: string) => (at >= LAPTOP_EDIT ? edited : base);

async function main(): Promise<void> {
  const source = path.join(path.resolve(args.dir), `file-${DEVICES}`);
  await buildBenchData('file', source, DEVICES, EVENTS, args.fresh, log);
  const runDir = path.join(path.resolve(args.dir), 'stats-run');
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.cpSync(source, runDir, { recursive: true });
  let peakHeap = 0;
  let peakRss = 0;
  const sampleHeap = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const sampler = setInterval(sampleHeap, 5);
  try {
    // First open: with a snapshot from before the facts, this includes their one-time rebuild from the journal.
    let t0 = now();
    let store = await FileStore.open(runDir, { log });
    const firstOpenMs = now() - t0;
    t0 = now();
    await store.close(); // waits for the snapshot that keeps the facts
    const firstCloseMs = now() - t0;
    gc();
    t0 = now();
    store = await FileStore.open(runDir, { log });
    const openMs = now() - t0;
    gc();
    const heapAfterOpenMb = process.memoryUsage().heapUsed / 1024 / 1024;
    log(`open: first ${Math.round(firstOpenMs)} ms (then close ${Math.round(firstCloseMs)} ms), again ${Math.round(openMs)} ms; heap ${Math.round(heapAfterOpenMb)} MB`);

    const year: StatsQuery = { from: '2026-01-01', to: '2027-01-01', groupBy: 'month' };
    const loop = monitorEventLoopDelay({ resolution: 1 });
    const timeRuns = async (q: StatsQuery, runs: number) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = now();
        await statsSummary(store, versionAt, q);
        times.push(now() - t);
        sampleHeap();
        await new Promise((r) => setImmediate(r));
      }
      return times;
    };
    await timeRuns(year, 3); // warm-up (JIT)
    let longestGcMs = 0;
    const gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longestGcMs = Math.max(longestGcMs, e.duration);
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    loop.enable();
    const byMonth = await timeRuns(year, RUNS);
    const byDepartment = await timeRuns({ ...year, groupBy: 'department' }, 5);
    const byCategory = await timeRuns({ ...year, groupBy: 'category' }, 5);
    const devicesTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = now();
      const page = await statsDevices(store, versionAt, { ...year, figure: 'reused', group: '2026-05', limit: 100, offset: 0 });
      devicesTimes.push(now() - t);
      if (i === 0) log(`stats.devices reused in May 2026: ${page.total} events`);
      await new Promise((r) => setImmediate(r));
    }
    // The exports: 100,000 device rows of the year, each format written to a file as the app does.
    const EXPORT_ROWS = 100_000;
    const timeExport = async (file: 'devices_csv' | 'xlsx') => {
      const target = path.join(runDir, `export.${file}`);
      const t = now();
      const exported = await openStatsExport(store, versionAt, { ...year, file }, 'da', { maxRows: EXPORT_ROWS });
      const out = fs.createWriteStream(target);
      await exported.write(out, sampleHeap);
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(resolve);
      });
      const ms = now() - t;
      log(`export ${file}: ${exported.rows} rows, ${Math.round(fs.statSync(target).size / 1024)} kB in ${Math.round(ms)} ms`);
      return { ms, rows: exported.rows };
    };
    // The longest stall of each part, so a stall over 50 ms says where it was.
    const stalls: Record<string, number> = { summaries_and_devices: loop.max / 1e6 };
    let longest = loop.max;
    const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      loop.reset();
      const out = await run();
      stalls[name] = loop.max / 1e6;
      longest = Math.max(longest, loop.max);
      return out;
    };
    const csvExport = await phase('export_csv', () => timeExport('devices_csv'));
    const xlsxExport = await phase('export_xlsx', () => timeExport('xlsx'));
    log(`longest event-loop delay per part (ms): ${Object.entries(stalls).map(([k, v]) => `${k} ${round(v)}`).join(', ')}`);
    loop.disable();
    gcObserver.disconnect();
    log(`longest GC pause during the calls: ${round(longestGcMs)} ms; longest event-loop delay ${round(longest / 1e6)} ms`);
    const s = await statsSummary(store, versionAt, year);
    log(
      `year 2026: reported ${s.totals.amounts.reported.count}, reused ${s.totals.amounts.reused.count}, recycled ${s.totals.amounts.recycled.count}, ` +
        `rate ${s.totals.reuseRate.byCount}, CO2e ${s.totals.co2e.avoidedKg} kg (versions ${s.factorVersions.map((v) => `${v.number}:${v.credited}`).join(' ')}), ` +
        `days median ${s.totals.daysToReuse.median} p90 ${s.totals.daysToReuse.p90}`,
    );
    log(`summary by month: median ${round(median(byMonth))} ms, max ${round(Math.max(...byMonth))} ms; by administration ${round(median(byDepartment))} ms; by category ${round(median(byCategory))} ms`);
    const facts = await store.statFacts('1970-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z');
    const arrayBuffersMb = process.memoryUsage().arrayBuffers / 1024 / 1024;
    await store.close();
    clearInterval(sampler);
    console.log(
      JSON.stringify({
        devices: DEVICES,
        events: EVENTS,
        facts: facts.rows.length,
        first_open_ms: round(firstOpenMs),
        open_ms: round(openMs),
        stats_summary_ms: round(median(byMonth)),
        stats_summary_max_ms: round(Math.max(...byMonth)),
        stats_summary_department_ms: round(median(byDepartment)),
        stats_summary_category_ms: round(median(byCategory)),
        stats_devices_ms: round(median(devicesTimes)),
        export_rows: csvExport.rows,
        export_csv_100k_ms: round(csvExport.ms),
        export_xlsx_100k_ms: round(xlsxExport.ms),
        /** The whole process, the XLSX worker's heap included (it holds the sheets while it zips them). */
        rss_mb: round(peakRss / 1024 / 1024),
        max_loop_stall_ms: round(longest / 1e6),
        longest_gc_ms: round(longestGcMs),
        heap_after_open_mb: round(heapAfterOpenMb),
        heap_mb: round(peakHeap / 1024 / 1024),
        /** The XLSX worker's own heap at its largest (it holds the sheets): a separate V8 heap, not in heap_mb. */
        xlsx_worker_heap_mb: round(xlsxWorkerHeap.peakBytes / 1024 / 1024),
        /** Typed arrays live outside the heap: the fact columns and the trail index. */
        array_buffers_mb: round(arrayBuffersMb),
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
