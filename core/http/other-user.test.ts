/**
 * Another OS user on the same PC against a running `npm run web`: with curl as `nobody` they reach 127.0.0.1,
 * but without the secret every call is refused (401/403), no staff name is listed, nothing in the data folder
 * changes, and the secret is not to be found in the process list or the server's environment.
 * Needs root (to become `nobody`), runuser and curl; skipped with a message otherwise.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledEntry } from '../testing/entry-bundle';

const serverEntry = bundledEntry('core/http/main.ts');

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = [
  ...(process.getuid?.() === 0 ? [] : ['root (to run curl as the user nobody)']),
  ...(has('runuser') ? [] : ['runuser']),
  ...(has('curl') ? [] : ['curl']),
];
if (missing.length > 0) console.warn(`other-user.test.ts skipped: needs ${missing.join(', ')}`);

let child: ChildProcess | undefined;
let root = '';
let dataDir = '';
let port = 0;
let secret = '';

/** Every file of the data folder with its sha256: equal before and after means not one byte changed. */
function folderHash(dir: string): string {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return walk(dir)
    .sort()
    .map((f) => `${path.relative(dir, f)} ${createHash('sha256').update(fs.readFileSync(f)).digest('hex')}`)
    .join('\n');
}

/** curl run as the user nobody; returns the status and the body. */
function curlAsNobody(args: string[]): { status: number; body: string } {
  const out = execFileSync('runuser', ['-u', 'nobody', '--', 'curl', '-sS', '-w', '\n%{http_code}', ...args], { encoding: 'utf8' });
  const cut = out.lastIndexOf('\n');
  return { status: Number(out.slice(cut + 1)), body: out.slice(0, cut) };
}

describe.skipIf(missing.length > 0)('another OS user against npm run web (runuser -u nobody -- curl)', () => {
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-other-user-'));
    dataDir = path.join(root, 'data');
    port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port; // why: listening on TCP
        srv.close(() => resolve(p));
      });
    });
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), KREDSLOB_DATA_DIR: dataDir, KREDSLOB_NO_OPEN: '1' };
    delete env.KREDSLOB_WEB_SECRET; // a random secret, as a person's start makes
    const started = spawn(process.execPath, [serverEntry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    secret = await new Promise<string>((resolve, reject) => {
      let out = '';
      started.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /^http:\/\/127\.0\.0\.1:\d+\/\?secret=(\S+)$/m.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      started.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
  }, 60_000);

  afterAll(() => {
    child?.kill('SIGTERM');
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('is refused with 401/403, sees no name, and changes nothing', async () => {
    const base = `http://127.0.0.1:${port}`;
    const profiles = await fetch(`${base}/api/session.profiles`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kredslob-secret': secret }, body: '{}' });
    const names = ((await profiles.json()) as { data: { users: { name: string; email: string }[] } }).data.users.flatMap((u) => [u.name, u.email]);
    expect(names.length).toBeGreaterThan(10);
    const before = folderHash(dataDir);

    const json = ['-H', 'content-type: application/json'];
    const attempts: [string[], number, string][] = [
      [[...json, '-X', 'POST', '-d', '{}', `${base}/api/session.profiles`], 401, 'SECRET_REQUIRED'],
      [[...json, '-X', 'POST', '-d', '{"userId":"user-admin-1"}', `${base}/api/session.signIn`], 401, 'SECRET_REQUIRED'],
      [[...json, '-X', 'POST', '-d', '{"userId":"user-admin-1"}', '-H', 'x-kredslob-secret: guessed-secret-0123456789', `${base}/api/session.signIn`], 401, 'SECRET_REQUIRED'],
      [['-X', 'POST', '-H', 'content-type: text/plain', '-d', '{"userId":"user-admin-1"}', `${base}/api/session.signIn`], 401, 'SECRET_REQUIRED'],
      [[...json, '-X', 'POST', '-d', '{}', '-H', 'Host: rebind.evil.example', `${base}/api/session.profiles`], 403, 'FOREIGN_HOST'],
      [[...json, '-X', 'POST', '-d', '{"userId":"user-admin-1"}', '-H', 'Origin: https://evil.example', `${base}/api/session.signIn`], 403, 'FOREIGN_ORIGIN'],
      [[`${base}/api/contract`], 401, 'SECRET_REQUIRED'],
    ];
    for (const [args, status, code] of attempts) {
      const r = curlAsNobody(args);
      expect(r.status, args.join(' ')).toBe(status);
      expect(JSON.parse(r.body), args.join(' ')).toMatchObject({ ok: false, error: { code } });
      for (const name of names) expect(r.body).not.toContain(name);
    }
    expect(folderHash(dataDir)).toBe(before);
  });

  it('cannot find the secret in the process list or the server environment', () => {
    const ps = execFileSync('runuser', ['-u', 'nobody', '--', 'ps', '-eo', 'args'], { encoding: 'utf8' });
    expect(ps).toContain(serverEntry); // the server is in the list ...
    expect(ps).not.toContain(secret); // ... but its secret is not
    const environ = spawnSync('runuser', ['-u', 'nobody', '--', 'cat', `/proc/${child?.pid}/environ`], { encoding: 'utf8' });
    expect(environ.status).not.toBe(0);
    expect(environ.stdout).not.toContain(secret);
  });
});
