/**
 * `npm run bench:server -- [--store postgres|file] [--seconds 60] [--clients 50] [--warehouse 10] [--think-ms 200]
 *   [--devices 100000] [--events 1000000] [--dir D] [--fresh] [--server-cpu-prof DIR] [--db-via socket|tcp]
 *   [--db-statements N] [--warmup-seconds 0]`
 * Shared mode under load (issue 13): the bench:store data set (generated into D/file-N if absent, reused
 * otherwise; copied, never written to) served by the web server in its own process, and `clients` desks, each a
 * person with their own session and connection. postgres (the default): the data set copied once into a
 * PostgreSQL cluster kept in D/pg-N, each run on a copy of that cluster, behind `npm run server`'s entry; people
 * sign in with e-mail and password, each desk from its own address (X-Forwarded-For, KREDSLOB_TRUST_PROXY=1),
 * so the 30-a-minute limit per address does not apply to 50 desks behind one test machine. The desks are
 * department contacts and (`warehouse` of them) warehouse people, added through users.save. For `seconds` each desk does a call, pauses (uniformly 0 to twice
 * `think-ms`), and again, in this mix: search 60 % (the marketplace's search with facets for contacts, Alle
 * enheder for the warehouse; text and filters), device page 25 % (devices.get, the trail included),
 * reserve/cancel 10 % (contacts: reserve one of the first devices their last search showed, or cancel the one
 * they hold), check-in 5 % (the warehouse scans a reported device's tag). Every call is timed from its request
 * to its whole answer. Afterwards every device someone tried to reserve has its trail read: two holding
 * reservations at once would be a double winner. Prints one JSON line last, with the CPU per call the server
 * process and the PostgreSQL cluster used during the timed calls (server_cpu_ms_per_call, database_cpu_ms_per_call;
 * Linux), which other work on the machine barely changes while it stretches every latency, and the CPU the desks
 * themselves used (bench_cpu_ms_per_call: this process, on the same cores), and the most memory the server process
 * held (server_peak_rss_mb).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CATEGORIES, type Device, type Location, type User } from '../../shared/schemas';
import { startServer } from '../../test/support/web-server';
import { mulberry32 } from '../demo/generate';
import { USERS } from '../demo/reference-data';
import { hashPassword } from '../auth/password';
import { systemClock } from '../context';
import { expireDueReservations } from '../reservations/service';
import { FileStore } from '../store/file/file-store';
import { procStat } from '../store/lock';
import { PostgresStore, appSchemaVersion } from '../store/postgres/postgres-store';
import { addPeople, signedInClients, signInClient, signInWithPassword, ApiClient, type Reply } from '../testing/api-client';
import { startPgCluster } from '../testing/pg-cluster';
import { BENCH_DATA_OPTIONS, BENCH_NOW, buildBenchData } from './bench-data';
import { doubleHolds, raceRounds, type Attempt } from './race-count';

const STORES = ['file', 'postgres'] as const;
type BenchStore = (typeof STORES)[number];

const { values: args } = parseArgs({
  options: {
    ...BENCH_DATA_OPTIONS,
    /** postgres (shared mode, as the municipality runs it) or file (the standalone store behind the same server). */
    store: { type: 'string', default: 'postgres' },
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '50' },
    /** How many of the clients are warehouse people; the others are department contacts. */
    warehouse: { type: 'string', default: '10' },
    /**
     * Seconds of the same work before the timed seconds, not counted: a server that has been running, its search
     * counts kept (search-counts.ts reads a query's counts once, 70-400 ms of PostgreSQL's time, then keeps them).
     */
    'warmup-seconds': { type: 'string', default: '0' },
    /** A desk's mean pause between calls (ms); 0 makes every desk call back to back. */
    'think-ms': { type: 'string', default: '200' },
    /** A folder for the server's CPU profile (node --cpu-prof), written when the server stops; none when not given. */
    'server-cpu-prof': { type: 'string' },
    /**
     * postgres: how the server reaches PostgreSQL on this machine: its Unix socket (socket, the default: what a
     * server on the database's own machine should use) or TCP on 127.0.0.1 (tcp, as from another machine).
     */
    'db-via': { type: 'string', default: 'socket' },
    /** postgres: print the N statements that took PostgreSQL the most time during the timed calls (pg_stat_statements). */
    'db-statements': { type: 'string', default: '0' },
  },
});
const log = (m: string) => process.stderr.write(`${m}\n`);

/** The options as numbers, each refused with a message naming it when it is not one. */
function count(name: keyof typeof args, min: number): number {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min} (got "${String(args[name])}")`);
  return n;
}
const DEVICES = count('devices', 1);
const EVENTS = count('events', DEVICES);
const SECONDS = count('seconds', 1);
const WARMUP_SECONDS = count('warmup-seconds', 0);
const CLIENTS = count('clients', 2);
const WAREHOUSE = count('warehouse', 1);
const THINK_MS = count('think-ms', 0);
const DB_STATEMENTS = count('db-statements', 0);
if (WAREHOUSE >= CLIENTS) throw new Error(`--warehouse (${WAREHOUSE}) must leave some of the ${CLIENTS} clients to be department contacts`);
if (args['db-via'] !== 'socket' && args['db-via'] !== 'tcp') throw new Error(`--db-via must be socket or tcp (got "${args['db-via']}")`);
if (!(STORES as readonly string[]).includes(args.store)) throw new Error(`--store must be one of ${STORES.join(', ')} (got "${args.store}")`);
const STORE = args.store as BenchStore; // why: checked against STORES just above
/** Node's arguments for the server process: a CPU profile into --server-cpu-prof's folder, when given. */
const SERVER_NODE_ARGS = args['server-cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['server-cpu-prof'])}`] : [];

type Kind = 'search' | 'device_page' | 'reserve_cancel' | 'check_in';
const KINDS: readonly Kind[] = ['search', 'device_page', 'reserve_cancel', 'check_in'];
/** The share of all calls each kind is (issue 13). */
const MIX: Record<Kind, number> = { search: 0.6, device_page: 0.25, reserve_cancel: 0.1, check_in: 0.05 };
/** Refusals a person is expected to meet when another desk was quicker: not errors. */
const EXPECTED_REFUSALS = new Set(['RESERVED_BY_OTHER', 'TRANSITION_NOT_ALLOWED']);
const WORDS = ['', '', '', 'thinkpad', 'latitude', 'elitebook', 'optiplex', 'macbook', 'iphone', 'ipad', 'dell', 'lenovo', 'p2422h', 'galaxy', 'hp e24'];
const SORTS = ['updated_desc', 'updated_desc', 'reported_desc', 'model_asc', 'year_desc', 'ram_desc'] as const;
const WAREHOUSE_STATUSES = [undefined, 'in_stock', 'listed', 'reported', 'reserved', 'ewaste_queued'] as const;

interface BenchServer {
  base: string;
  secret: string;
  /** Shared mode: people sign in with e-mail and password (auth.signIn), not by picking a profile. */
  shared: boolean;
  /** What the server printed, for the log when the bench fails. */
  output(): string;
  /** The CPU time (ms) the server process and (postgres) the database cluster have used so far; undefined without /proc. */
  cpuMs(): { server: number; database: number } | undefined;
  /** The most memory (MB) the server process has held at once so far (VmHWM); undefined without /proc. */
  peakRssMb(): number | undefined;
  /** --db-statements: forgets the statement statistics so far (before the timed calls), and ranks them (after). */
  statements?: { reset(): Promise<void>; ranking(top: number): Promise<string> };
  stop(): Promise<void>;
}

/** The data set's admin (the demo's) and the password the bench gives them in the PostgreSQL data set. */
const ADMIN = USERS.find((u) => u.role === 'admin')!;
const BENCH_PASSWORD = 'baenk-adgangskode-2026';

/**
 * THE one place the bench's store is chosen and its server started. file: the data set copied to D/server-run,
 * served by core/http/main.ts run from source (standalone mode, profile sign-in). postgres: see startPgServer.
 */
async function startBenchServer(store: BenchStore): Promise<BenchServer> {
  if (store === 'postgres') return startPgServer();
  const source = path.join(path.resolve(args.dir), `file-${DEVICES}`);
  await buildBenchData('file', source, DEVICES, EVENTS, args.fresh, log);
  const runDir = path.join(path.resolve(args.dir), 'server-run');
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.cpSync(source, runDir, { recursive: true });
  const t0 = performance.now();
  const server = await startServer({
    dataDir: runDir,
    startMs: 300_000,
    nodeArgs: ['--max-old-space-size=4096', ...SERVER_NODE_ARGS],
    entry: ['--import', 'tsx', 'core/http/main.ts'],
    env: { KREDSLOB_DEMO: '0' },
  });
  log(`file store: server up over ${runDir} in ${Math.round(performance.now() - t0)} ms`);
  return {
    base: server.baseURL,
    secret: server.secret,
    shared: false,
    output: server.output,
    cpuMs: () => cpuOf(server.pid, undefined),
    peakRssMb: () => peakRssMb(server.pid),
    async stop() {
      await server.stop();
      fs.rmSync(server.configDir, { recursive: true, force: true });
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/**
 * The PostgreSQL data set, kept as a stopped cluster's data folder in D/pg-N-schemaV/data (marker BENCH-COMPLETE
 * beside it), V the schema version this build migrates to: a new migration makes a new folder, so a run never
 * spends its start building the new migration's indexes, and a worktree on another schema keeps its own.
 * Made from the newest kept folder of an older schema with the same counts (a copy of it migrated: seconds), or
 * else filled from the file data set D/file-N (the bench:store generator's, made first if absent) by the copy
 * that migrate-to-server makes: every record through PostgresStore.importAll, 500 rows to an INSERT in one
 * transaction. Generating straight into PostgreSQL (fillBenchStore, 1,000 devices to a transaction) reads the
 * chain's last hash once per event: 10,000 devices / 100,000 events took 9.5 min at load average 20, so the
 * million events would take over an hour. The demo admin gets BENCH_PASSWORD. A run starts a cluster from a copy
 * of the kept folder (a file copy, no restore), so what a run writes never reaches the data set.
 */
async function pgBenchData(): Promise<string> {
  const schema = appSchemaVersion();
  const root = path.resolve(args.dir);
  const counts = `${DEVICES}/${EVENTS}`;
  const kept = (home: string) => fs.existsSync(path.join(home, 'BENCH-COMPLETE')) && fs.readFileSync(path.join(home, 'BENCH-COMPLETE'), 'utf8') === counts;
  const home = path.join(root, `pg-${DEVICES}-schema${schema}`);
  const data = path.join(home, 'data');
  if (!args.fresh && kept(home)) {
    log(`postgres: reusing ${data}`);
    return data;
  }
  fs.rmSync(home, { recursive: true, force: true });
  const older = args.fresh ? undefined : olderPgBenchData(root, schema, kept);
  const t0 = performance.now();
  const cluster = await startPgCluster(older ? { from: older } : {});
  try {
    if (older) {
      // Opening the store runs the migrations the kept data set lacks.
      await (await PostgresStore.open(cluster.url)).close();
      log(`postgres: ${older} brought to schema ${schema} in ${Math.round(performance.now() - t0)} ms`);
    } else await fillPgBenchData(cluster.url);
    const c = new pg.Client({ connectionString: cluster.url });
    await c.connect();
    // Planner statistics for the data as copied, so the first run's plans are those of a settled database.
    await c.query('VACUUM ANALYZE').finally(() => c.end());
    await cluster.stopAndKeep(data);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  fs.writeFileSync(path.join(home, 'BENCH-COMPLETE'), counts);
  log(`postgres: data set kept in ${data} (${Math.round(performance.now() - t0)} ms in all)`);
  return data;
}

/**
 * The data folder of the newest kept data set with these counts and an older schema (pg-N-schemaV, or pg-N as
 * kept before the folders named their schema, which is older than any that do), if any.
 */
function olderPgBenchData(root: string, schema: number, kept: (home: string) => boolean): string | undefined {
  const found = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .map((name) => ({ name, m: new RegExp(`^pg-${DEVICES}(?:-schema(\\d+))?$`).exec(name) }))
        .map(({ name, m }) => ({ home: path.join(root, name), version: m ? Number(m[1] ?? 0) : Infinity }))
        .filter(({ home, version }) => version < schema && kept(home))
        .sort((a, b) => b.version - a.version)
    : [];
  return found[0] && path.join(found[0].home, 'data');
}

/** Fills the empty database at `url` with the file data set, and settles its overdue reservations. */
async function fillPgBenchData(url: string): Promise<void> {
  const source = path.join(path.resolve(args.dir), `file-${DEVICES}`);
  await buildBenchData('file', source, DEVICES, EVENTS, args.fresh, log);
  const t0 = performance.now();
  const fileStore = await FileStore.open(source, { readOnly: true, log });
  const pgStore = await PostgresStore.open(url);
  try {
    const copied = await pgStore.importAll(fileStore.exportAll());
    const hash = await hashPassword(BENCH_PASSWORD);
    await pgStore.transaction(async (tx) => tx.putCredential({ userId: ADMIN.id, hash, changedAt: BENCH_NOW.toISOString(), failedAttempts: 0 }));
    log(`postgres: copied ${copied.device ?? 0} devices, ${copied.event ?? 0} events from ${source} in ${Math.round(performance.now() - t0)} ms`);
    // The data set ends at BENCH_NOW, so its reservations are overdue today. The server expires them at start,
    // one transaction each (9,000 at 100,000 devices: minutes); done once here, the kept data set is settled.
    const t1 = performance.now();
    const expired = await expireDueReservations({ store: pgStore, clock: systemClock });
    log(`postgres: expired ${expired} overdue reservations in ${Math.round(performance.now() - t1)} ms`);
  } finally {
    await pgStore.close();
    await fileStore.close();
  }
}

/**
 * postgres: a cluster as the tests start one (startPgCluster) from a copy of the kept data set, and the
 * shared-mode server entry (core/http/server-main.ts, run from source as the file branch is) with DATABASE_URL.
 * KREDSLOB_TRUST_PROXY=1: each desk signs in from its own address (X-Forwarded-For), as 50 desks do, instead of
 * all 50 from 127.0.0.1, which the limit of 30 sign-ins a minute per address would spread over two minutes.
 */
async function startPgServer(): Promise<BenchServer> {
  const data = await pgBenchData();
  const t0 = performance.now();
  const cluster = await startPgCluster({ from: data, ...(DB_STATEMENTS > 0 ? { settings: { shared_preload_libraries: 'pg_stat_statements' } } : {}) });
  log(`postgres: cluster up from a copy of ${data} in ${Math.round(performance.now() - t0)} ms`);
  const statements = DB_STATEMENTS > 0 ? await statementStats(cluster.url) : undefined;
  try {
    const server = await startServer({
      shared: true,
      startMs: 300_000,
      nodeArgs: SERVER_NODE_ARGS,
      entry: ['--import', 'tsx', 'core/http/server-main.ts'],
      env: { DATABASE_URL: args['db-via'] === 'socket' ? socketUrl(cluster.url, cluster.dataDir) : cluster.url, KREDSLOB_TRUST_PROXY: '1' },
    });
    log(`postgres: server up in ${Math.round(performance.now() - t0)} ms, reaching PostgreSQL by ${args['db-via'] === 'socket' ? 'its Unix socket' : 'TCP'}`);
    return {
      base: server.baseURL,
      secret: server.secret,
      shared: true,
      output: server.output,
      cpuMs: () => cpuOf(server.pid, postmasterPid(cluster.dataDir)),
      peakRssMb: () => peakRssMb(server.pid),
      ...(statements ? { statements } : {}),
      async stop() {
        await statements?.close();
        await server.stop();
        fs.rmSync(server.configDir, { recursive: true, force: true });
        fs.rmSync(server.dataDir, { recursive: true, force: true });
        await cluster.stop();
      },
    };
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}

/**
 * The database URL by the cluster's Unix socket (in its folder) instead of TCP: node-postgres reads a `host`
 * parameter that is a folder as the socket's folder, and the port names the socket file (.s.PGSQL.<port>).
 * A server CPU profile (--server-cpu-prof) put 28 % of the server's busy time in writev to PostgreSQL's TCP
 * socket: on loopback the kernel carries each packet through TCP in the sender's call.
 */
export function socketUrl(url: string, socketDir: string): string {
  const u = new URL(url);
  u.searchParams.set('host', socketDir);
  return u.toString();
}

/**
 * pg_stat_statements on the bench's database (the cluster started with it preloaded): which statements cost
 * PostgreSQL its time, ranked by total execution time, each with its calls, mean and rows.
 */
async function statementStats(url: string): Promise<NonNullable<BenchServer['statements']> & { close(): Promise<void> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  return {
    reset: async () => void (await c.query('SELECT pg_stat_statements_reset()')),
    async ranking(top: number) {
      const { rows } = await c.query<{ calls: string; total: number; mean: number; rows: string; query: string }>(
        `SELECT calls, total_exec_time AS total, mean_exec_time AS mean, rows, query FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT $1`,
        [top],
      );
      const all = (await c.query<{ total: number }>('SELECT COALESCE(SUM(total_exec_time), 0) AS total FROM pg_stat_statements')).rows[0]!.total;
      const line = (r: (typeof rows)[number]) =>
        `${Math.round(r.total).toString().padStart(7)} ms ${((100 * r.total) / Math.max(all, 1)).toFixed(1).padStart(5)} % ${r.calls.padStart(6)} calls ${r.mean.toFixed(2).padStart(8)} ms/call ${r.rows.padStart(7)} rows  ${r.query.replace(/\s+/g, ' ').slice(0, 220)}`;
      return [`statements by PostgreSQL's time (all: ${Math.round(all)} ms):`, ...rows.map(line)].join('\n');
    },
    close: () => c.end(),
  };
}

/** The PostgreSQL cluster's server process (the first line of postmaster.pid in its data folder). */
function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

const TICK_MS = 10; // why: Linux's USER_HZ is 100 on every architecture Node runs on, so /proc counts 10 ms ticks

/**
 * CPU time (ms) of the server process, and of the cluster: its server process, every child (one a connection)
 * and the children that have ended (cutime, cstime). Load on the machine slows a call but barely changes the
 * CPU it needs, so this figure can be compared between runs on a busy machine where the latencies cannot.
 */
function cpuOf(serverPid: number | undefined, postmaster: number | undefined): { server: number; database: number } | undefined {
  const own = serverPid === undefined ? undefined : procStat(serverPid);
  if (!own) return undefined;
  // utime, stime, cutime, cstime are fields 14-17 of stat; after the command, field 3 (state) is index 0.
  const ticks = (f: string[], withChildren: boolean) => Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
  let database = 0;
  if (postmaster !== undefined) {
    const top = procStat(postmaster);
    if (top) database += ticks(top, true);
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const f = procStat(Number(entry));
      if (f && Number(f[1]) === postmaster) database += ticks(f, false);
    }
  }
  return { server: ticks(own, false) * TICK_MS, database: database * TICK_MS };
}

/** A process's peak resident memory in MB (VmHWM of /proc/<pid>/status), or undefined. */
function peakRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
}

/** Desk `i`'s address (X-Forwarded-For): one per desk, as desks on the municipality's network have. */
const deskAddress = (i: number) => `10.77.${Math.floor(i / 250)}.${1 + (i % 250)}`;

/** Shared mode: the admin gives each person a password (auth.setPassword), and each desk signs in with it from its own address. */
async function passwordClients(server: BenchServer, admin: ApiClient, people: readonly User[]): Promise<ApiClient[]> {
  for (const person of people) await admin.data('auth.setPassword', { userId: person.id, password: BENCH_PASSWORD });
  return Promise.all(
    people.map(async (person, i) => {
      const client = new ApiClient(server.base, server.secret, 'da', deskAddress(i + 1));
      await signInWithPassword(client, person.email, BENCH_PASSWORD);
      return client;
    }),
  );
}

/** One timed call. */
interface Sample {
  kind: Kind;
  ms: number;
  /** When the call ended, ms since the timed run began (negative during the warm-up). */
  at: number;
  /** The refusal's code, if refused. */
  code?: string;
}

interface Desk {
  client: ApiClient;
  person: User;
  /** Where this desk's reservations go (a site of its administration) or where it shelves check-ins. */
  locationIds: string[];
  /** Devices the desk's last search showed (the marketplace's, for contacts). */
  seen: Device[];
  /** The reservation this desk holds, if any. */
  holding?: string;
  weights: Record<Kind, number>;
  rnd: () => number;
}

/**
 * Each role's weights, so that together they make MIX: contacts do all reservations, the warehouse every
 * check-in, and both search and open device pages in the mix's proportion.
 */
function roleWeights(share: number, own: 'reserve_cancel' | 'check_in'): Record<Kind, number> {
  const ownWeight = MIX[own] / share;
  if (ownWeight > 1) throw new Error(`${Math.round(share * 100)} % of the clients cannot make ${MIX[own] * 100} % of the calls ${own}: change --warehouse`);
  const rest = (1 - ownWeight) / (MIX.search + MIX.device_page);
  return { search: MIX.search * rest, device_page: MIX.device_page * rest, reserve_cancel: own === 'reserve_cancel' ? ownWeight : 0, check_in: own === 'check_in' ? ownWeight : 0 };
}

function draw(desk: Desk): Kind {
  let r = desk.rnd();
  for (const k of KINDS) if ((r -= desk.weights[k]) < 0) return k;
  return 'search';
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const round = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const server = await startBenchServer(STORE);
  const desks: Desk[] = [];
  try {
    const admin = new ApiClient(server.base, server.secret, 'da', deskAddress(0));
    if (server.shared) await signInWithPassword(admin, ADMIN.email, BENCH_PASSWORD);
    else await signInClient(admin, ADMIN);
    const reference = await admin.data('reference.get', {});
    const siteOf = (departmentId: string): Location[] => reference.locations.filter((l) => l.kind === 'site' && l.departmentId === departmentId);
    const shelves = reference.locations.filter((l) => l.kind === 'shelf').map((l) => l.id);
    const departmentIds = reference.departments.map((d) => d.id).filter((id) => siteOf(id).length > 0);
    // The tags the warehouse will scan: reported devices, each scanned once (a second scan would be a refusal).
    const reported: string[] = [];
    const expectedCheckIns = Math.ceil((SECONDS * 1000 * CLIENTS * MIX.check_in) / Math.max(THINK_MS, 5)) + 100;
    for (let offset = 0; reported.length < expectedCheckIns; offset += 500) {
      const page = await admin.data('devices.search', { status: 'reported', sort: 'reported_desc', limit: 500, offset });
      reported.push(...page.items.map((d) => d.assetTag));
      if (page.items.length < 500) break;
    }
    const contacts = await addPeople(admin, { count: CLIENTS - WAREHOUSE, role: 'department_contact', departmentIds, label: 'Bænk kontakt' });
    const warehouse = await addPeople(admin, { count: WAREHOUSE, role: 'warehouse', departmentIds: ['dep-okf'], label: 'Bænk lager' });
    const people = [...contacts, ...warehouse];
    const clients = server.shared ? await passwordClients(server, admin, people) : await signedInClients(server.base, server.secret, people);
    const contactShare = contacts.length / CLIENTS;
    const contactWeights = roleWeights(contactShare, 'reserve_cancel');
    const warehouseWeights = roleWeights(1 - contactShare, 'check_in');
    people.forEach((person, i) =>
      desks.push({
        client: clients[i]!,
        person,
        locationIds: person.role === 'warehouse' ? shelves : siteOf(person.departmentId).map((l) => l.id),
        seen: [],
        weights: person.role === 'warehouse' ? warehouseWeights : contactWeights,
        rnd: mulberry32(1000 + i),
      }),
    );
    // Each contact has looked at the marketplace once before the clock starts, as a person opening the app.
    await Promise.all(
      desks.filter((d) => d.person.role !== 'warehouse').map(async (desk) => (desk.seen = (await desk.client.data('marketplace.search', { limit: 50, facets: true })).items)),
    );
    log(`${CLIENTS} desks (${contacts.length} contacts, ${warehouse.length} warehouse), ${reported.length} reported tags to scan; running ${SECONDS} s`);

    const samples: Sample[] = [];
    let timedFrom = performance.now();
    const attempts: Attempt[] = [];
    let scansMissed = 0;
    const record = <T>(kind: Kind, reply: Reply<T>): Reply<T> => {
      samples.push({ kind, ms: reply.ms, at: performance.now() - timedFrom, ...(reply.body.ok ? {} : { code: reply.body.error.code }) });
      return reply;
    };

    const act = async (desk: Desk, kind: Kind): Promise<void> => {
      const { client, rnd } = desk;
      const isWarehouse = desk.person.role === 'warehouse';
      switch (kind) {
        case 'search': {
          const text = pick(rnd, WORDS) || undefined;
          const sort = pick(rnd, SORTS);
          if (isWarehouse) {
            const category = rnd() < 0.3 ? pick(rnd, CATEGORIES) : undefined;
            const reply = record(kind, await client.call('devices.search', { text, category, status: pick(rnd, WAREHOUSE_STATUSES), sort, limit: 50, offset: 0 }));
            if (reply.body.ok) desk.seen = reply.body.data.items;
          } else {
            const filter = rnd() < 0.4 ? { category: pick(rnd, ['laptop', 'desktop', 'monitor', 'tablet', 'phone'] as const), ...(rnd() < 0.5 ? { ramMinGb: 8 } : {}) } : undefined;
            const offset = rnd() < 0.2 ? 50 : 0; // scrolling on to the next page
            const reply = record(kind, await client.call('marketplace.search', { text, filter, sort, limit: 50, offset, facets: offset === 0 }));
            if (reply.body.ok && reply.body.data.items.length > 0) desk.seen = reply.body.data.items;
          }
          return;
        }
        case 'device_page': {
          const id = desk.seen.length > 0 ? pick(rnd, desk.seen).id : `dev-${String(1 + Math.floor(rnd() * DEVICES)).padStart(7, '0')}`;
          record(kind, await client.call('devices.get', { id }));
          return;
        }
        case 'reserve_cancel': {
          if (desk.holding) {
            const reply = record(kind, await client.call('reservations.cancel', { reservationId: desk.holding }));
            if (reply.body.ok) desk.holding = undefined;
            return;
          }
          const device = pick(rnd, desk.seen.slice(0, 3));
          if (!device) return;
          const start = performance.now();
          const reply = record(kind, await client.call('reservations.create', { deviceId: device.id, locationId: pick(rnd, desk.locationIds) }));
          attempts.push({ deviceId: device.id, start, end: performance.now(), won: reply.body.ok });
          if (reply.body.ok) desk.holding = reply.body.data.id;
          desk.seen = desk.seen.filter((d) => d.id !== device.id);
          return;
        }
        case 'check_in': {
          const assetTag = reported.pop();
          if (!assetTag) {
            scansMissed++;
            return;
          }
          record(kind, await client.call('devices.checkIn', { assetTag, condition: pick(rnd, ['A', 'B', 'B', 'C'] as const), locationId: pick(rnd, desk.locationIds) }));
          return;
        }
      }
    };

    const errors: Record<string, number> = {};
    /** Every desk at work (the mix, the pauses) until `until`. */
    const work = (until: number) =>
      Promise.all(
        desks.map(async (desk) => {
          while (performance.now() < until) {
            const kind = draw(desk);
            try {
              await act(desk, kind);
            } catch (err) {
              // A broken connection or an answer that is not the transport's JSON: an error, named for the log.
              const name = `${kind}: ${err instanceof Error ? err.message : String(err)}`;
              errors[name] = (errors[name] ?? 0) + 1;
            }
            if (THINK_MS > 0) await new Promise((r) => setTimeout(r, desk.rnd() * 2 * THINK_MS));
          }
        }),
      );
    if (WARMUP_SECONDS > 0) {
      // The same work untimed first: a server that has been running (its search counts kept, search-counts.ts).
      await work(performance.now() + WARMUP_SECONDS * 1000);
      log(`warmed up for ${WARMUP_SECONDS} s (${samples.length} calls, not counted); timing ${SECONDS} s`);
      samples.length = 0;
    }
    await server.statements?.reset();
    const cpuBefore = server.cpuMs();
    const benchCpuBefore = process.cpuUsage();
    const started = performance.now();
    timedFrom = started;
    await work(started + SECONDS * 1000);
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = server.cpuMs();
    const serverPeakRssMb = server.peakRssMb();
    const benchCpu = process.cpuUsage(benchCpuBefore);
    if (server.statements) log(await server.statements.ranking(DB_STATEMENTS));

    let expectedRefusals = 0;
    for (const s of samples) {
      if (s.code === undefined) continue;
      if (s.kind === 'reserve_cancel' && EXPECTED_REFUSALS.has(s.code)) expectedRefusals++;
      else errors[`${s.kind}: ${s.code}`] = (errors[`${s.kind}: ${s.code}`] ?? 0) + 1;
    }
    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
    if (errorCount > 0) log(`errors: ${JSON.stringify(errors)}`);
    if (scansMissed > 0) log(`the warehouse ran out of reported tags ${scansMissed} times (those scans were not made)`);

    // Races and double winners, from the trail of every device someone tried to reserve.
    const byDevice = new Map<string, Attempt[]>();
    for (const a of attempts) byDevice.set(a.deviceId, [...(byDevice.get(a.deviceId) ?? []), a]);
    let races = 0;
    let doubles = 0;
    for (const [deviceId, tries] of byDevice) {
      races += raceRounds(tries);
      doubles += doubleHolds((await admin.data('devices.get', { id: deviceId })).trail);
    }

    const ms = (kind?: Kind) => samples.filter((s) => kind === undefined || s.kind === kind).map((s) => s.ms).sort((a, b) => a - b);
    const all = ms();
    // Where the slow calls fall: each 10 s window's calls, p95 and share of the calls over the whole run's p95.
    const overall95 = quantile(all, 0.95);
    const windows = Array.from({ length: Math.ceil(elapsed / 10) }, (_, w) => {
      const xs = samples.filter((s) => s.at >= w * 10_000 && s.at < (w + 1) * 10_000).map((s) => s.ms).sort((a, b) => a - b);
      return `${w * 10}–${(w + 1) * 10} s: ${xs.length} calls, p95 ${round(quantile(xs, 0.95))} ms, ${xs.filter((x) => x > overall95).length} over ${round(overall95)}`;
    });
    log(`by window: ${windows.join('; ')}`);
    log(`over ${round(overall95)} ms by kind: ${KINDS.map((k) => `${k} ${samples.filter((s) => s.kind === k && s.ms > overall95).length}`).join(', ')}`);
    const perKind = Object.fromEntries(KINDS.flatMap((k) => {
      const xs = ms(k);
      return [[`${k}_calls`, xs.length], [`${k}_p95_ms`, round(quantile(xs, 0.95))]];
    }));
    log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
    admin.close();
    console.log(
      JSON.stringify({
        store: STORE,
        devices: DEVICES,
        events: EVENTS,
        clients: CLIENTS,
        warehouse_clients: WAREHOUSE,
        seconds: round(elapsed),
        warmup_s: WARMUP_SECONDS,
        think_ms: THINK_MS,
        calls: all.length,
        calls_per_s: round(all.length / elapsed),
        p50_ms: round(quantile(all, 0.5)),
        p95_ms: round(quantile(all, 0.95)),
        p99_ms: round(quantile(all, 0.99)),
        max_ms: round(all.at(-1) ?? 0),
        ...perKind,
        // CPU per call during the timed calls: what the machine must give each call, whatever else runs on it.
        ...(cpuBefore && cpuAfter && all.length > 0
          ? {
              server_cpu_ms_per_call: round((cpuAfter.server - cpuBefore.server) / all.length),
              ...(server.shared ? { database_cpu_ms_per_call: round((cpuAfter.database - cpuBefore.database) / all.length) } : {}),
              // The desks themselves (this process: requests, answers parsed) share the machine's cores with both.
              bench_cpu_ms_per_call: round((benchCpu.user + benchCpu.system) / 1000 / all.length),
            }
          : {}),
        // What the server held (its kept search counts and matches included), warm-up and timed calls together.
        ...(serverPeakRssMb !== undefined ? { server_peak_rss_mb: serverPeakRssMb } : {}),
        errors: errorCount,
        expected_refusals: expectedRefusals,
        reserve_attempts: attempts.length,
        reserve_wins: attempts.filter((a) => a.won).length,
        reserve_races: races,
        reserve_double_winners: doubles,
        load_average: os.loadavg().map(round),
        cpus: os.cpus().length,
      }),
    );
  } catch (err) {
    log(`the server printed:\n${server.output()}`);
    throw err;
  } finally {
    for (const d of desks) d.client.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
