/** Test harness: a fresh file store in a temp folder, the demo municipality, a clock the test moves. */
import fs from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { contract, type ProcedureInput, type ProcedureName, type ProcedureOutput } from '../../shared/contract';
import { createDispatcher } from '../api/dispatch';
import { createHandlerTable } from '../api/handlers';
import type { Locale } from '../../shared/i18n';
import type { Handler } from '../api/handler-table';
import type { Clock, ServiceContext } from '../context';
import { AppError } from '../errors';
import { WIPE } from './fixtures';

export { WIPE };
import { Sessions } from '../session/sessions';
import { seedReferenceData } from '../demo/generate';
import { FileStore } from '../store/file/file-store';

export class TestClock implements Clock {
  constructor(private t = Date.parse('2026-11-02T08:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export function tempDir(prefix = 'kredslob-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Fresh temp folders for the tests of one file, each removed after its test. */
export function useTempDirs(prefix = 'kredslob-test-'): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = tempDir(prefix);
    made.push(d);
    return d;
  };
}

export interface Harness {
  dir: string;
  store: FileStore;
  clock: TestClock;
  as(userId: string): Promise<ServiceContext>;
  close(): Promise<void>;
}

export async function harness(): Promise<Harness> {
  const dir = tempDir();
  const store = await FileStore.open(dir, { log: () => {} });
  const clock = new TestClock();
  await seedReferenceData(store, clock);
  return {
    dir,
    store,
    clock,
    async as(userId) {
      const user = await store.getUser(userId);
      if (!user) throw new Error(`no user ${userId}`);
      return { store, clock, actor: { kind: 'user', user, department: await store.getDepartment(user.departmentId) } };
    },
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const BUF_CONTACT = 'user-buf-1';
export const SUF_CONTACT = 'user-suf-1';
export const TMF_CONTACT = 'user-tmf-1';
export const WAREHOUSE = 'user-warehouse-1';
export const SUSTAINABILITY = 'user-sustainability-1';
export const SHELF = 'loc-shelf-A1';
export const BUF_SITE = 'dep-buf-site-1';

const table = createHandlerTable();

/**
 * Runs a procedure as `ctx`'s actor the way a transport does: the contract parses the input (defaults,
 * trimming, refusals), then the domain's handler runs, in `locale` (Danish by default). Failures throw (AppError, ZodError) for the test to check.
 */
export async function run<P extends ProcedureName>(
  ctx: ServiceContext,
  procedure: P,
  input: ProcedureInput<P>,
  locale: Locale = 'da',
): Promise<ProcedureOutput<P>> {
  const handler = table[procedure] as Handler<P>; // why: the table is indexed by the same procedure name
  const parsed = contract[procedure].input.parse(input) as Parameters<Handler<P>>[0]; // why: parsed by P's own schema
  return handler(parsed, { ...ctx, sessions: new Sessions(), locale }) as Promise<ProcedureOutput<P>>; // why: outputs are checked by the dispatcher in production; tests read them as typed
}

/** The first site of an administration in the demo data (`dep-suf` → `dep-suf-site-1`). */
export const siteOf = (departmentId: string) => `${departmentId}-site-1`;

/** The first unit of an administration in the demo data (`dep-suf` → `dep-suf-unit-1`). */
export const unitOf = (departmentId: string) => `${departmentId}-unit-1`;

/** A hand-over's acceptance signed on paper by `name` for the first unit of the receiving administration. */
export const onPaper = (departmentId: string, name = 'Jonas Holm') => ({
  pickedUpBy: name,
  unitId: unitOf(departmentId),
  acceptance: { kind: 'paper' as const },
});

/** The error code a refused call ends with; fails the test when the call succeeds or fails otherwise. */
export async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** How many devices the store holds (through the search every screen uses). */
export async function deviceCount(h: Harness): Promise<number> {
  return (await h.store.searchDevices({ sort: 'updated_desc', limit: 1, offset: 0 })).total;
}

let laptops = 0;

/** A BUF laptop reported, checked in, wiped and put on the marketplace (each with its own serial unless given). */
export async function listedLaptop(h: Harness, serial = `LISTED-${++laptops}`) {
  const buf = await h.as(BUF_CONTACT);
  const wh = await h.as(WAREHOUSE);
  const d = await run(buf, 'devices.report', { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14', serial, locationId: BUF_SITE });
  await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'B', locationId: SHELF });
  await run(wh, 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
  return run(wh, 'devices.publish', { deviceId: d.id });
}

/**
 * A fresh harness for each test of the enclosing describe block (closed after each), as a view that always
 * reads the current test's harness: `const h = useHarness();` then `h.store`, `h.as(...)` inside tests.
 */
export function useHarness(): Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await harness();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const now = (): Harness => {
    if (!current) throw new Error('useHarness: the harness exists only inside a test');
    return current;
  };
  return {
    get dir() {
      return now().dir;
    },
    get store() {
      return now().store;
    },
    get clock() {
      return now().clock;
    },
    as: (userId) => now().as(userId),
    close: () => now().close(),
  };
}

/**
 * Calls a procedure as `userId` through the real dispatcher (role check, input parsing, error shape and the
 * message in `locale`), as a transport would. Returns the transport's result, never throws.
 */
export async function callAs(h: Harness, userId: string, procedure: string, input: unknown, locale: Locale = 'da') {
  const sessions = new Sessions();
  const dispatch = createDispatcher({ table, store: h.store, clock: h.clock, sessions, log: () => {} });
  return dispatch(procedure, input, { token: sessions.start(userId), locale });
}
