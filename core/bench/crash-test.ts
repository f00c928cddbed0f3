/**
 * `npm run crash-test -- --runs 200`
 * Kills a writing process with SIGKILL at random moments, reopens the store each time, and checks that
 * every acknowledged write is there and every hash chain verifies. Ends with "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { generateDevices, seedReferenceData } from '../demo/generate';
import { FileStore } from '../store/file/file-store';
import { envTrailKeySource } from '../store/trail-key';
import { randomBytes } from 'node:crypto';

// The store is keyed as the app runs it; the killed writer inherits the key, and every reopen checks the links.
process.env.KREDSLOB_TRAIL_KEY ??= randomBytes(32).toString('hex');

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '200' }, 'max-ms': { type: 'string', default: '400' } } });
const RUNS = Number(args.runs);
const MAX_MS = Number(args['max-ms']);
const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-crash-'));
  const child = path.join(work, 'crash-child.mjs');
  await build({
    entryPoints: [path.join(here, 'crash-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  const dir = path.join(work, 'data');
  const seed = await FileStore.open(dir, { log: () => {}, trailKey: envTrailKeySource(dir) });
  await seedReferenceData(seed);
  await generateDevices(seed, { devices: 200, seed: 11 });
  await seed.close();

  const acked = new Map<string, Set<string>>(); // deviceId -> acknowledged event ids
  let passed = 0;
  let failed = 0;
  let totalAcks = 0;
  for (let run = 1; run <= RUNS; run++) {
    const killAfter = Math.random() * MAX_MS;
    const acks = await runAndKill(child, dir, killAfter);
    for (const [deviceId, eventId] of acks) {
      let s = acked.get(deviceId);
      if (!s) acked.set(deviceId, (s = new Set()));
      s.add(eventId);
    }
    totalAcks += acks.length;
    const problems: string[] = [];
    const warnings: string[] = [];
    let store: FileStore | null = null;
    try {
      store = await FileStore.open(dir, { log: (m) => warnings.push(m), trailKey: envTrailKeySource(dir) });
      for (const [deviceId, ids] of acked) {
        const trail = await store.trail(deviceId);
        const present = new Set(trail.map((e) => e.id));
        for (const id of ids) if (!present.has(id)) problems.push(`acknowledged event ${id} of ${deviceId} is missing`);
        const device = await store.getDevice(deviceId);
        if (device?.trailLength !== trail.length) problems.push(`${deviceId}: trailLength ${device?.trailLength} but ${trail.length} events`);
      }
      const report = await store.verifyTrailReport();
      for (const p of report.problems) problems.push(`chain: ${p.assetTag} seq ${p.seq} ${p.problem}`);
      if (report.keyed !== 'checked' || report.sealBroken) problems.push(`keyed links: ${report.keyed}${report.sealBroken ? ', seal broken' : ''}`);
    } catch (err) {
      problems.push(`reopen failed: ${String(err)}`);
    } finally {
      // Half the runs reopen without a final snapshot, as after another crash.
      if (store) {
        if (run % 2 === 0) await store.close();
        else abandon(store);
      }
    }
    if (problems.length) {
      failed++;
      console.log(`run ${run}: FAILED after ${acks.length} acknowledged writes (killed at ${Math.round(killAfter)} ms)\n  ${problems.slice(0, 5).join('\n  ')}`);
    } else {
      passed++;
      if (run % 20 === 0 || warnings.length) {
        console.log(`run ${run}: ok, ${acks.length} acknowledged writes, killed at ${Math.round(killAfter)} ms${warnings.length ? `; ${warnings.join('; ')}` : ''}`);
      }
    }
  }
  console.log(`${totalAcks} acknowledged writes in ${RUNS} runs, all checked after every kill`);
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

/** Leaves the store as a killed process would: no final snapshot, lock released. */
function abandon(store: FileStore): void {
  const internals = store as unknown as { writer: { close(): void }; releaseLock(): void }; // why: test-only reach into the store
  internals.writer.close();
  internals.releaseLock();
}

function runAndKill(child: string, dir: string, killAfterMs: number): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: [string, string][] = [];
    let buffer = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'ready') setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ack ')) {
          const [, deviceId, eventId] = line.split(' ');
          acks.push([deviceId!, eventId!]);
        }
      }
    });
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // why: 'close' (not 'exit') waits until every byte the child wrote to stdout has been read
    proc.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`writer exited on its own (${code}): ${stderr}`));
    });
  });
}

main().catch((err: unknown) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
