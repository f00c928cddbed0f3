/**
 * `npm run web` as a person starts it: the printed link with the secret, a busy port, a weak secret.
 * Runs the entry bundled at test time (core/testing/entry-bundle.ts), so it needs no build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledEntry } from '../testing/entry-bundle';

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  // The server still writes its data folder (the store's close) after SIGTERM: wait for it to exit before removing it.
  await Promise.all(
    children.splice(0).map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? undefined
        : new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
    ),
  );
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-web-main-'));
  dirs.push(dir);
  return path.join(dir, 'data');
}

async function takenPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo; // why: listening on TCP
  return { port, release: () => new Promise((resolve) => srv.close(() => resolve())) };
}

/** Starts the web entry; resolves with everything it printed once `until` matches its output or it exits. */
function startWeb(env: Record<string, string>, until?: RegExp): Promise<{ code: number | null; out: string; err: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [bundledEntry('core/http/main.ts')], {
    env: { ...process.env, KREDSLOB_NO_OPEN: '1', KREDSLOB_DEMO: '0', LANG: 'da_DK.UTF-8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve) => {
    const check = () => {
      if (until?.test(out)) resolve({ code: null, out, err, child });
    };
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      check();
    });
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => resolve({ code, out, err, child }));
  });
}

describe('npm run web', () => {
  it('prints the link with the secret on a line of its own, and the API answers only with that secret', async () => {
    const { port, release } = await takenPort();
    await release();
    const secret = 'scripted-secret-0123456789';
    const started = await startWeb({ PORT: String(port), KREDSLOB_DATA_DIR: freshDir(), KREDSLOB_WEB_SECRET: secret }, /\?secret=.*\n/);
    expect(started.out.split('\n')).toContain(`http://127.0.0.1:${port}/?secret=${secret}`);
    expect(started.out).toMatch(/Åbn linket herunder/);
    const call = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/api/session.profiles`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await call({ 'x-kredslob-secret': secret })).status).toBe(200);
    expect((await call({})).status).toBe(401);
    // wt-speed4: sharp (libvips) loads with the first image, not at start (core/photos/load-sharp.ts); Linux shows
    // a process's loaded libraries in /proc, where CI runs
    if (process.platform === 'linux') {
      const libraries = fs.readFileSync(`/proc/${started.child.pid}/maps`, 'utf8');
      expect(libraries, 'a started server has not loaded libvips').not.toMatch(/libvips|sharp-linux/);
    }
  }, 60_000);

  it('makes a new random secret at each start when none is given', async () => {
    const secrets: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { port, release } = await takenPort();
      await release();
      const started = await startWeb({ PORT: String(port), KREDSLOB_DATA_DIR: freshDir(), KREDSLOB_WEB_SECRET: '' }, /\?secret=.*\n/);
      const line = started.out.split('\n').find((l) => l.startsWith(`http://127.0.0.1:${port}/?secret=`));
      const secret = line?.split('?secret=')[1] ?? '';
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
      secrets.push(secret);
      started.child.kill('SIGTERM');
    }
    expect(secrets[0]).not.toBe(secrets[1]);
  }, 60_000);

  it('says in one line which port is taken and how to choose another, before touching the data folder', async () => {
    const { port, release } = await takenPort();
    const dataDir = freshDir();
    try {
      const r = await startWeb({ PORT: String(port), KREDSLOB_DATA_DIR: dataDir });
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe(`Kredsløb: Port ${port} er allerede i brug. Vælg en anden port, f.eks. PORT=${port + 1} npm run web`);
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      await release();
    }
  }, 60_000);

  it('refuses a guessable KREDSLOB_WEB_SECRET or a wrong idle limit in one line, before touching the data folder', async () => {
    const dataDir = freshDir();
    const weak = await startWeb({ PORT: '1', KREDSLOB_DATA_DIR: dataDir, KREDSLOB_WEB_SECRET: 'kredslob', LANG: 'en_GB.UTF-8' });
    expect(weak.code).toBe(1);
    expect(weak.err.trim()).toBe('Kredsløb: KREDSLOB_WEB_SECRET must be at least 16 characters of A–Z, a–z, 0–9, - and _ only.');
    const idle = await startWeb({ PORT: '1', KREDSLOB_DATA_DIR: dataDir, KREDSLOB_SESSION_IDLE_MINUTES: '8h' });
    expect(idle.code).toBe(1);
    expect(idle.err.trim()).toMatch(/^Kredsløb: KREDSLOB_SESSION_IDLE_MINUTES skal være et helt antal minutter/);
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 60_000);
});
