/** Test harness: a fresh file store in a temp folder, the demo municipality, a clock the test moves. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock, ServiceContext } from '../context';
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
  await seedReferenceData(store);
  const clock = new TestClock();
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
