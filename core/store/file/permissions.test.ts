/**
 * The data folder, its backups and restores are the user's alone: another account on the same PC cannot
 * read staff names, trails or certificates. Checked with a umask that would otherwise leave everything
 * world-readable, so the modes are the store's doing and not the test machine's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/harness';
import { device, event } from '../store-contract';
import { SqliteStore } from '../sqlite/sqlite-store';
import { FileStore } from './file-store';

/** Every entry under `root` (itself included) whose mode is not 0600 for a file or 0700 for a folder. */
function wrongModes(root: string): string[] {
  const wrong: string[] = [];
  const visit = (p: string) => {
    const st = fs.statSync(p);
    const mode = st.mode & 0o777;
    if (st.isDirectory()) {
      if (mode !== 0o700) wrong.push(`${path.relative(root, p) || '.'}/ ${mode.toString(8)}`);
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else if (mode !== 0o600) {
      wrong.push(`${path.relative(root, p)} ${mode.toString(8)}`);
    }
  };
  visit(root);
  return wrong;
}

describe.skipIf(process.platform === 'win32')('file and folder modes (on Windows the app-data folder is private already)', () => {
  let previousUmask = 0;
  let parent = '';
  beforeEach(() => {
    previousUmask = process.umask(0);
    parent = tempDir();
  });
  afterEach(() => {
    process.umask(previousUmask);
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('creates every file of a file store, its lock and its backup 0600 and every folder 0700', async () => {
    const dir = path.join(parent, 'data');
    let store = await FileStore.open(dir, { log: () => {} });
    expect(wrongModes(dir)).toEqual([]); // the lock and the first journal segment
    const d = device();
    await store.transaction(async (tx) => {
      tx.putDevice(d);
      await tx.appendEvent(event(d));
    });
    await store.putAttachment(new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n')));
    await store.close(); // writes a snapshot and its index file
    store = await FileStore.open(dir, { log: () => {} });
    await store.transaction(async (tx) => tx.putDevice({ ...d, notes: 'after the snapshot' }));
    const backup = path.join(parent, 'backups', 'first');
    await store.backup(backup);
    await store.close();
    expect(fs.readdirSync(dir).sort()).toEqual(expect.arrayContaining(['attachments', 'journal', 'snapshot.json']));
    expect(wrongModes(dir)).toEqual([]);
    expect(wrongModes(backup)).toEqual([]);
  });

  it('narrows the folder of a store created before this rule to 0700 when it opens', async () => {
    const dir = path.join(parent, 'old');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    const store = await FileStore.open(dir, { log: () => {} });
    await store.close();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('creates the SQLite reference store, its WAL and its backup 0600', async () => {
    const dir = path.join(parent, 'sqlite');
    const store = await SqliteStore.open(dir);
    const d = device();
    await store.transaction(async (tx) => {
      tx.putDevice(d);
      await tx.appendEvent(event(d));
    });
    const backup = path.join(parent, 'sqlite-backup');
    await store.backup(backup);
    expect(fs.readdirSync(dir)).toEqual(expect.arrayContaining(['kredslob.sqlite', 'kredslob.sqlite-wal']));
    expect(wrongModes(dir)).toEqual([]);
    expect(wrongModes(backup)).toEqual([]);
    store.db.close();
  });
});
