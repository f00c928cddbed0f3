/**
 * The benchmarks' data set (bench:store, bench:stats): the demo generator's devices and trails, written
 * once into a folder and reused while its marker says the same size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDevices, seedReferenceData } from '../demo/generate';
import { FileStore } from '../store/file/file-store';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import type { Store } from '../store/store';

/** The command-line options that choose the data set (node:util parseArgs). */
export const BENCH_DATA_OPTIONS = {
  devices: { type: 'string', default: '100000' },
  events: { type: 'string', default: '1000000' },
  /** Where the data sets are generated and kept (file-N, sqlite-N inside). */
  dir: { type: 'string', default: path.join(os.tmpdir(), 'kredslob-bench') },
  /** Generate again even if the folder holds the same size. */
  fresh: { type: 'boolean', default: false },
} as const;

/** The generator's "now": the data set's trails end before it. */
export const BENCH_NOW = new Date('2026-11-01T12:00:00Z');

export async function buildBenchData(kind: 'file' | 'sqlite', dir: string, devices: number, events: number, fresh: boolean, log: (m: string) => void): Promise<void> {
  const marker = path.join(dir, 'BENCH-COMPLETE');
  if (!fresh && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === `${devices}/${events}`) {
    log(`${kind}: reusing ${dir}`);
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const store: Store = kind === 'file' ? await FileStore.open(dir, { log }) : await SqliteStore.open(dir);
  const result = await fillBenchStore(store, devices, events, { log });
  await store.close();
  fs.writeFileSync(marker, `${devices}/${events}`);
  log(`${kind}: generated ${result.devices} devices, ${result.events} events in ${Math.round(performance.now() - t0)} ms`);
}

/**
 * Writes the data set into an empty store of any kind (the municipality, then the devices with their trails),
 * `perTransaction` devices to a transaction.
 */
export async function fillBenchStore(
  store: Store,
  devices: number,
  events: number,
  options: { log: (m: string) => void; perTransaction?: number },
): Promise<{ devices: number; events: number }> {
  await seedReferenceData(store);
  return generateDevices(store, {
    devices,
    eventsPerDevice: events / devices,
    seed: 2026,
    now: BENCH_NOW,
    perTransaction: options.perTransaction ?? 100,
    onProgress: (n) => {
      if (n % 20000 === 0) options.log(`${store.kind}: ${n} devices`);
    },
  });
}
