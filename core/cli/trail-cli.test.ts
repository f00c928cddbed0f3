/**
 * The trail tools as IT runs them: verify-trail changes no byte of the folder it checks, finds the same
 * key as the server by the key rule, and says by its exit code and words what it found; checkpoint signs
 * the trail and verify-trail --checkpoint names the first device that differs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledEntry } from '../testing/entry-bundle';
import { useTempDirs } from '../testing/harness';
import { FileStore } from '../store/file/file-store';
import { envTrailKeySource } from '../store/trail-key';
import { TAMPERS, fill, rewriteJournal } from '../testing/tamper';

const tempDir = useTempDirs('kredslob-trailcli-');

/** sha256 of every file under `dir`, by relative path. */
function folderHash(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** A data folder keyed by the web rule, with its key in a config folder of its own (as ~/.config). */
async function keyedStore() {
  const dataDir = path.join(tempDir(), 'data');
  const env = { ...process.env, XDG_CONFIG_HOME: tempDir(), KREDSLOB_TRAIL_KEY: '', KREDSLOB_TRAIL_KEY_FILE: '', KREDSLOB_CHECKPOINT_KEY_FILE: '' };
  for (const k of ['KREDSLOB_TRAIL_KEY', 'KREDSLOB_TRAIL_KEY_FILE', 'KREDSLOB_CHECKPOINT_KEY_FILE'] as const) delete env[k];
  const store = await FileStore.open(dataDir, { trailKey: envTrailKeySource(dataDir, env), log: () => {} });
  const devices = await fill(store);
  await store.close();
  return { dataDir, env, devices };
}

function run(script: 'verify-trail' | 'checkpoint', args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [bundledEntry(`core/cli/${script}.ts`), ...args], { encoding: 'utf8', env });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('npm run verify-trail', () => {
  it('checks the keyed links with the key found by the same rule as the server, and changes no byte of the folder', async () => {
    const { dataDir, env } = await keyedStore();
    // What an ordinary open would repair: a torn last line and a snapshot's temporary file.
    fs.appendFileSync(path.join(dataDir, 'journal', '00000001.jsonl'), '0badc0de {"n":99,"op');
    fs.writeFileSync(path.join(dataDir, 'snapshot.json.1.tmp'), 'half a snapshot');
    const before = folderHash(dataDir);
    const r = run('verify-trail', ['--data-dir', dataDir], env);
    expect(r.out).toContain('Keyed links checked with the trail key');
    expect(r.out).toMatch(/All 3 device trails verified intact/);
    expect(r.status).toBe(0);
    expect(folderHash(dataDir)).toEqual(before);
  });

  it('finds a deliberate edit with the key (exit 1), and without it says such an edit cannot be excluded', async () => {
    const { dataDir, env, devices } = await keyedStore();
    rewriteJournal(dataDir, (records) => TAMPERS['an edited event']!(records, devices[0]!.id));
    const withKey = run('verify-trail', ['--data-dir', dataDir], env);
    expect(withKey.out).toContain(`${devices[0]!.assetTag} (${devices[0]!.id}) event 2: altered on purpose`);
    expect(withKey.status).toBe(1);
    const withoutKey = run('verify-trail', ['--data-dir', dataDir], { ...env, XDG_CONFIG_HOME: tempDir() });
    expect(withoutKey.out).toContain('deliberate edits (that recompute the hashes) cannot be excluded without the key or a checkpoint');
    expect(withoutKey.status).toBe(0);
  });

  it('refuses a folder in use, a missing folder and an unreadable checkpoint with exit 2', async () => {
    const { dataDir, env } = await keyedStore();
    const open = await FileStore.open(dataDir, { trailKey: envTrailKeySource(dataDir, env), log: () => {} });
    try {
      const locked = run('verify-trail', ['--data-dir', dataDir], env);
      expect(locked.out).toContain('is open in Kredsløb');
      expect(locked.status).toBe(2);
    } finally {
      await open.close();
    }
    expect(run('verify-trail', ['--data-dir', path.join(dataDir, 'nope')], env).status).toBe(2);
    const bad = path.join(tempDir(), 'cp.json');
    fs.writeFileSync(bad, '{"format":"something else"}');
    const r = run('verify-trail', ['--data-dir', dataDir, '--checkpoint', bad], env);
    expect(r.out).toContain('format is not kredslob-checkpoint-1');
    expect(r.status).toBe(2);
  });
});

describe('npm run checkpoint', () => {
  it('signs the trail outside the data folder; verify-trail --checkpoint then names the first device whose trail was cut short, even without the trail key', async () => {
    const { dataDir, env, devices } = await keyedStore();
    const out = path.join(tempDir(), 'checkpoint.json');
    const made = run('checkpoint', ['--data-dir', dataDir, '--out', out], env);
    expect(made.out).toContain('Checkpoint of 3 devices and 12 events written');
    expect(made.status).toBe(0);
    expect(fs.existsSync(path.join(env.XDG_CONFIG_HOME!, 'kredslob', `checkpoint-${JSON.parse(fs.readFileSync(out, 'utf8')).storeId}.pem`))).toBe(true);
    expect(run('verify-trail', ['--data-dir', dataDir, '--checkpoint', out], env).out).toContain('Nothing before the checkpoint');

    rewriteJournal(dataDir, (records) => TAMPERS['a truncated chain']!(records, devices[1]!.id));
    const r = run('verify-trail', ['--data-dir', dataDir, '--checkpoint', out], { ...env, XDG_CONFIG_HOME: tempDir() });
    expect(r.out).toContain('The trail key was not found');
    expect(r.out).toContain(`first at device 2 ${devices[1]!.assetTag} (${devices[1]!.id}): it has fewer events than at the checkpoint`);
    expect(r.status).toBe(1);
  });

  it('writes nothing for a trail with problems (exit 1), nor into the data folder (exit 2)', async () => {
    const { dataDir, env, devices } = await keyedStore();
    expect(run('checkpoint', ['--data-dir', dataDir, '--out', path.join(dataDir, 'cp.json')], env).status).toBe(2);
    expect(fs.existsSync(path.join(dataDir, 'cp.json'))).toBe(false);
    rewriteJournal(dataDir, (records) => TAMPERS['a reordered pair']!(records, devices[0]!.id));
    const out = path.join(tempDir(), 'cp.json');
    const r = run('checkpoint', ['--data-dir', dataDir, '--out', out], env);
    expect(r.out).toContain('no checkpoint was written');
    expect(r.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });
});
