/**
 * The application core as one object: the store, the dispatcher over the handler table, and the
 * reservation-expiry timer. The Electron main process and the HTTP server both start it the same way.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher, type Dispatcher } from './api/dispatch';
import { createFileDispatcher, type FileDispatcher } from './api/files';
import { createHandlerTable } from './api/handlers';
import { systemClock, type Clock } from './context';
import { seedDemo } from './demo/generate';
import { expireDueReservations } from './reservations/service';
import { makeSetupCode } from './setup/setup-code';
import { Sessions } from './session/sessions';
import { FileStore } from './store/file/file-store';
import type { DumpRecord } from './store/dump';
import type { Store } from './store/store';
import type { TrailKeySource } from './store/trail-key';
import type { CoreMode } from '../shared/schemas';

export interface CoreOptions {
  /** The file store's data folder (standalone mode); not used when `databaseUrl` is given. */
  dataDir?: string;
  /** Seed the demo municipality (24 months of history) when the data folder is new (default true). */
  demo?: boolean;
  clock?: Clock;
  /** How often reservations are checked for expiry (ms). */
  expiryIntervalMs?: number;
  /** How long a session may go without a call before it ends, while the settings name no sessionIdleMinutes (ms; default 8 hours). */
  sessionIdleMs?: number;
  /** Where the trail's HMAC key is: the desktop app's safeStorage, or the web rule (core/store/trail-key.ts). */
  trailKey?: TrailKeySource;
  // Shared mode on PostgreSQL (issue 13, wt-pg)
  /** A PostgreSQL URL (postgres://user:password@host:port/database): the PostgreSQL store instead of the file store. */
  databaseUrl?: string;
  // Shared mode (issue 13, wt-auth)
  /** standalone (default): people choose their profile; shared: they sign in (password or identity provider), no profile picker. */
  mode?: CoreMode;
  /** The identity provider's name for the sign-in button, when OpenID Connect is configured (core/http serves its flow). */
  oidcName?: string;
  /**
   * Shared mode on an empty store: the code the first admin must give in setup (KREDSLOB_SETUP_CODE), so that
   * whoever reaches a new server first cannot make themselves its admin. Made at random when not given.
   */
  setupCode?: string;
}

/** An open store, and how the demo municipality is written into it when it is new. */
interface OpenedStore {
  store: Store;
  seedDemo(now: Date): Promise<void>;
}

/** The store the options name: PostgreSQL when a database URL is given, else the file store in the data folder. */
async function openStore(options: CoreOptions): Promise<OpenedStore> {
  if (options.databaseUrl) {
    // why: loaded only in shared mode, so the desktop app never initialises the PostgreSQL driver and migration runner
    const { PostgresStore } = await import('./store/postgres/postgres-store');
    const store = await PostgresStore.open(options.databaseUrl);
    return { store, seedDemo: (now) => seedDemoByCopy(store, now) };
  }
  if (!options.dataDir) throw new Error('startCore needs a data folder (dataDir) or a PostgreSQL URL (databaseUrl)');
  const store = await FileStore.open(options.dataDir, { trailKey: options.trailKey });
  return { store, seedDemo: (now) => seedDemo(store, now) };
}

/**
 * The demo on a server: written through the services into a scratch file store, then copied over in one
 * transaction as migrate-to-server copies a desk's folder. Written straight into PostgreSQL, each of the
 * history's ~3,000 steps is a serializable transaction of its own, a minute in all; the copy keeps every
 * trail's seq and hashes, so the result is the same data.
 */
async function seedDemoByCopy(target: { importAll(records: AsyncIterable<DumpRecord>): Promise<unknown> }, now: Date): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kredslob-demo-'));
  try {
    const scratch = await FileStore.open(dir);
    try {
      await seedDemo(scratch, now);
      await target.importAll(scratch.exportAll());
    } finally {
      await scratch.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export interface Core {
  store: Store;
  dispatch: Dispatcher;
  /** The same checks as `dispatch`, for the procedures whose answer is a streamed file (stats.export). */
  files: FileDispatcher;
  /** Who is signed in (shared mode's identity-provider flow starts sessions here too). */
  sessions: Sessions;
  /** Shared mode on an empty store: the setup code, for the server to print. */
  setupCode?: string | undefined;
  close(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const table = createHandlerTable(); // fails here if the table does not match the contract
  const clock = options.clock ?? systemClock;
  const { store, seedDemo: seedDemoHere } = await openStore(options);
  if ((await store.listUsers()).length === 0 && options.demo !== false) {
    await seedDemoHere(clock.now());
  }
  const setupCode = options.mode === 'shared' && (await store.userCount()) === 0 ? (options.setupCode ?? makeSetupCode()) : undefined;
  const sessions = new Sessions({ clock, idleMs: options.sessionIdleMs, mode: options.mode, oidcName: options.oidcName, setupCode });
  // Session idle time (wt-account): the stored setting, if any, over the server's default; settings.save applies a change.
  sessions.applySettings(await store.getSettings());
  const dispatch = createDispatcher({ table, store, clock, sessions });
  const files = createFileDispatcher({ store, clock, sessions });
  const expire = () =>
    expireDueReservations({ store, clock }).catch((err: unknown) => console.error('[kredslob] expiry failed', err));
  await expire();
  const timer = setInterval(() => void expire(), options.expiryIntervalMs ?? 60_000);
  timer.unref();
  return {
    store,
    dispatch,
    files,
    sessions,
    setupCode,
    async close() {
      clearInterval(timer);
      await store.close();
    },
  };
}
