/**
 * A throwaway PostgreSQL cluster for tests and benchmarks (issue 13): Debian's server binaries, its own folder
 * in /tmp, 127.0.0.1 on a free port, fsync off (the data dies with the test anyway). `stop()` ends the server and
 * removes the folder. As root, initdb and the server run as the `postgres` user (PostgreSQL refuses to run as root).
 *
 * initdb takes most of a start, so it runs once into a template folder that each cluster copies.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgCluster {
  /** The URL of the cluster's database `kredslob` (user postgres, no password: trust on 127.0.0.1 only). */
  url: string;
  /** The URL of database `name` on this cluster, created (empty) when it does not exist yet. */
  database(name: string): Promise<string>;
  /** The cluster's data folder (removed by stop). */
  dataDir: string;
  /** Database `name` as a copy of database `template` when it does not exist yet; `created` says whether it was made now. */
  databaseFrom(name: string, template: string): Promise<{ url: string; created: boolean }>;
  /** Stops the server and removes its folder; calling it twice is harmless. */
  stop(): Promise<void>;
  /**
   * Stops the server cleanly (a checkpoint, so a copy starts without recovery) and moves its data folder to
   * `to` instead of removing it: a filled cluster kept for `startPgCluster({ from: to })` (bench:server's cache).
   */
  stopAndKeep(to: string): Promise<void>;
}

const INSTALL_HINT = 'apt-get install -y postgresql';

/** The newest installed server's bin folder (PG_BIN overrides), or a clear error naming the install command. */
export function pgBinDir(env: NodeJS.ProcessEnv = process.env, root = '/usr/lib/postgresql'): string {
  if (env.PG_BIN) return env.PG_BIN;
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(`PostgreSQL's server programs (initdb, pg_ctl) are not installed under ${root}: install them with "${INSTALL_HINT}" (or name their folder in PG_BIN)`);
  }
  if (Number(versions[0]) < 15) throw new Error(`PostgreSQL ${versions[0]} is installed; Kredsløb needs 15 or newer (${INSTALL_HINT})`);
  return path.join(root, versions[0]!, 'bin');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The uid and gid of user `postgres`, whom the server runs as when we are root. */
async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** Runs a PostgreSQL program, as `postgres` when we are root. */
async function pgRun(bin: string, program: string, args: string[]): Promise<void> {
  const file = path.join(bin, program);
  try {
    if (isRoot()) await run('runuser', ['-u', 'postgres', '--', file, ...args]);
    else await run(file, args);
  } catch (err) {
    const e = err as { stderr?: string; message: string }; // why: execFile's rejection carries the child's stderr
    throw new Error(`${program} failed: ${(e.stderr ?? '').trim() || e.message}`, { cause: err });
  }
}

/** A folder in /tmp the server's user owns (PostgreSQL wants 0700 and its own user on the data folder). */
async function serverOwnedDir(prefix: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o700);
  if (isRoot()) {
    const { uid, gid } = await postgresIds();
    fs.chownSync(dir, uid, gid);
  }
  return dir;
}

let template: Promise<string> | undefined;

/**
 * The initdb template, shared by every process of the machine (one folder per server version, made once and
 * reused: a per-process folder was left behind when Vitest ended its workers without an exit event).
 * It is built beside its final name and renamed into place, so a half-made template is never used.
 */
function templateDir(bin: string): Promise<string> {
  template ??= (async () => {
    const version = path.basename(path.dirname(bin));
    const final = path.join(os.tmpdir(), `kredslob-pg-template-${version}`);
    const ready = path.join(final, 'kredslob-template-ready');
    if (fs.existsSync(ready)) return final;
    const dir = await serverOwnedDir(`kredslob-pg-template-${version}-`);
    try {
      await pgRun(bin, 'initdb', ['-D', dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
      fs.writeFileSync(path.join(dir, 'kredslob-template-ready'), '');
      fs.renameSync(dir, final);
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      // Another process renamed its template into place first: use that one.
      if (!fs.existsSync(ready)) throw err;
    }
    return final;
  })();
  return template;
}

/** A port nobody listens on right now (the server may still lose a race for it: start retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo; // why: a TCP listener's address is an AddressInfo
      srv.close(() => resolve(port));
    });
  });
}

async function copyAsServerUser(from: string, to: string): Promise<void> {
  // cp -a keeps the owner (postgres) and the 0700 modes the server insists on.
  await run('cp', ['-a', `${from}/.`, to]);
  fs.rmSync(path.join(to, 'kredslob-template-ready'), { force: true });
}

/**
 * Starts a cluster from a copy of the initdb template, or (`from`) of a data folder a cluster left with
 * stopAndKeep; the original is never written to. `settings`: more server settings (name to value, no spaces).
 */
export async function startPgCluster(options: { from?: string; settings?: Readonly<Record<string, string>> } = {}): Promise<PgCluster> {
  const bin = pgBinDir();
  if (options.from !== undefined && !fs.existsSync(path.join(options.from, 'PG_VERSION'))) {
    throw new Error(`${options.from} is not a PostgreSQL data folder (no PG_VERSION in it)`);
  }
  const source = options.from ?? (await templateDir(bin));
  const dir = await serverOwnedDir('kredslob-pg-');
  let stopped = false;
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await copyAsServerUser(source, dir);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        "-c listen_addresses='127.0.0.1'",
        `-c unix_socket_directories='${dir}'`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
        // bench:server's statement statistics (shared_preload_libraries=pg_stat_statements), as name=value.
        ...Object.entries(options.settings ?? {}).map(([name, value]) => `-c ${name}=${value}`),
      ].join(' ');
      try {
        await pgRun(bin, 'pg_ctl', ['-D', dir, '-l', path.join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    const base = `postgres://postgres@127.0.0.1:${port}`;
    const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      try {
        return await fn(c);
      } finally {
        await c.end();
      }
    };
    const plain = (name: string) => {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
      return name;
    };
    const databaseFrom = async (name: string, template?: string): Promise<{ url: string; created: boolean }> => {
      const created = await admin(async (c) => {
        const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [plain(name)]);
        if (found.rowCount !== 0) return false;
        await c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${plain(template)}` : ''}`);
        return true;
      });
      return { url: `${base}/${name}`, created };
    };
    const database = async (name: string): Promise<string> => (await databaseFrom(name)).url;
    const url = await database('kredslob');
    return {
      url,
      dataDir: dir,
      database,
      databaseFrom,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await pgRun(bin, 'pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
        } finally {
          remove();
        }
      },
      async stopAndKeep(to: string) {
        if (stopped) throw new Error('stopAndKeep: the cluster is already stopped');
        stopped = true;
        try {
          await pgRun(bin, 'pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
          fs.rmSync(to, { recursive: true, force: true });
          fs.mkdirSync(path.dirname(to), { recursive: true });
          // A rename when both are on one file system; otherwise a copy that keeps the owner and modes.
          try {
            fs.renameSync(dir, to);
          } catch {
            await run('cp', ['-a', dir, to]);
          }
        } finally {
          remove();
        }
      },
    };
  } catch (err) {
    // A cluster that started half-way is stopped before its folder goes.
    await pgRun(bin, 'pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    remove();
    throw err;
  }
}
