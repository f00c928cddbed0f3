/**
 * Starts the web server (dist/server/main.mjs, the HTTP transport serving the built UI) on a free port over a
 * data folder (a fresh one seeded with the demo municipality unless given), with its own secret and config
 * folder: the e2e fixtures start one per test, bench:ui one over its 100,000-device data set.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface AppServer {
  baseURL: string;
  dataDir: string;
  /** This server's secret (KREDSLOB_WEB_SECRET). */
  secret: string;
  /** The link the server printed, with the secret: opening it gives the browser the secret's cookie. */
  link: string;
  /** The server's config folder (XDG_CONFIG_HOME), where its trail key is: give it to a CLI run over dataDir. */
  configDir: string;
  /** What the server has printed so far (stdout and stderr): why it stopped, when it did. */
  output(): string;
  /** Stops the server now (it holds the data folder's lock), e.g. to run a CLI over its data; once is enough. */
  stop(): Promise<void>;
  /** The server's process id (bench:server reads the CPU time it used). */
  pid: number | undefined;
}

/** Every demo person's password on a shared-mode test server (KREDSLOB_DEMO_PASSWORD). */
export const SHARED_DEMO_PASSWORD = 'e2e-genbrug-adgangskode';

export async function startServer(
  options: {
    dataDir?: string;
    configDir?: string;
    startMs?: number;
    nodeArgs?: string[];
    env?: Readonly<Record<string, string>>;
    /** The server's entry and its loader arguments (default the build, dist/server/main.mjs); bench:server runs the source with tsx. */
    entry?: readonly string[];
    /** Shared mode (issue 13): `npm run server` (dist/server/server-main.mjs) with the demo and every person's password. */
    shared?: boolean;
  } = {},
): Promise<AppServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-e2e-'));
  // why: each server makes a trail key outside its data folder; keep it with the test, not in the user's ~/.config.
  // A copied data folder comes with a copy of the config folder that holds its key (test/support/demo-template.ts).
  const configDir = options.configDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-e2e-config-'));
  const port = await freePort();
  const secret = randomBytes(24).toString('base64url');
  const base = `http://127.0.0.1:${port}`;
  const sharedEnv = { KREDSLOB_PUBLIC_URL: base, KREDSLOB_DEMO: '1', KREDSLOB_DEMO_PASSWORD: SHARED_DEMO_PASSWORD, LANG: 'en_GB.UTF-8' };
  const entry = options.entry ?? [options.shared ? 'dist/server/server-main.mjs' : 'dist/server/main.mjs'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    // A shared server's own environment comes last but for the test's: shared-setup.spec.ts starts one without the demo.
    env: { ...process.env, PORT: String(port), KREDSLOB_DATA_DIR: dataDir, KREDSLOB_WEB_SECRET: secret, KREDSLOB_NO_OPEN: '1', XDG_CONFIG_HOME: configDir, ...(options.shared ? sharedEnv : {}), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // A shared server prints no secret link; it says it is running and the address people open.
  const link = options.shared ? `people open ${base}.` : `${base}/?secret=${secret}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), options.startMs ?? 30_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      if (options.shared ? output.includes(link) : output.split('\n').includes(link)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }));
  return { baseURL: `http://127.0.0.1:${port}`, dataDir, secret, link, configDir, stop, output: () => output, pid: child.pid };
}

