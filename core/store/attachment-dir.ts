/**
 * Attachments kept as files named by their sha256 in a folder of the data folder (certificate PDFs now,
 * photos later). Content-addressed: the same bytes are kept once, a file is never changed, and a file no
 * record names (a transaction that failed after the bytes were written) is harmless.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './file/snapshot';
import { copyPrivate, makePrivateDirAsync, openPrivate } from './private-files';

export const ATTACHMENTS_DIR = 'attachments';
const SHA256 = /^[0-9a-f]{64}$/;

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Bytes hashed between two turns of the event loop: some 3 ms each (a 30 MB import file in one go held the loop some 100 ms). */
const HASH_SLICE_BYTES = 1024 * 1024;

/** sha256Hex of large bytes, a slice at a time with a turn of the event loop between slices. */
export async function sha256HexSliced(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let i = 0; i < bytes.length; i += HASH_SLICE_BYTES) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    hash.update(bytes.subarray(i, i + HASH_SLICE_BYTES));
  }
  return hash.digest('hex');
}

export class AttachmentDir {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = path.join(dataDir, ATTACHMENTS_DIR);
  }

  /** Writes the bytes (temporary file, fsync, atomic rename) unless a file with their hash is there already. */
  async put(bytes: Uint8Array): Promise<string> {
    const sha = await sha256HexSliced(bytes);
    const file = path.join(this.dir, sha);
    if (fs.existsSync(file)) return sha;
    await makePrivateDirAsync(this.dir);
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = await openPrivate(tmp, 'w');
    try {
      await fd.writeFile(bytes);
      await fd.sync();
    } finally {
      await fd.close();
    }
    await fs.promises.rename(tmp, file);
    await fsyncDir(this.dir);
    return sha;
  }

  /** The names (sha256) of every kept file. */
  async list(): Promise<string[]> {
    if (!fs.existsSync(this.dir)) return [];
    return (await fs.promises.readdir(this.dir)).filter((name) => SHA256.test(name)).sort();
  }

  async get(sha: string): Promise<Uint8Array | undefined> {
    if (!SHA256.test(sha)) return undefined;
    try {
      return await fs.promises.readFile(path.join(this.dir, sha));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** Reads every attachment back: how many there are, and those whose bytes no longer hash to their name. */
  async check(): Promise<{ count: number; damaged: string[] }> {
    if (!fs.existsSync(this.dir)) return { count: 0, damaged: [] };
    const names = (await fs.promises.readdir(this.dir)).filter((name) => SHA256.test(name));
    const damaged: string[] = [];
    for (const name of names) {
      if (sha256Hex(await fs.promises.readFile(path.join(this.dir, name))) !== name) damaged.push(name);
    }
    return { count: names.length, damaged };
  }

  /** Copies every attachment into `targetDataDir` (a backup): files never change, so a plain copy is consistent. */
  async copyTo(targetDataDir: string): Promise<number> {
    if (!fs.existsSync(this.dir)) return 0;
    const target = path.join(targetDataDir, ATTACHMENTS_DIR);
    await makePrivateDirAsync(target);
    let bytes = 0;
    for (const name of await fs.promises.readdir(this.dir)) {
      if (!SHA256.test(name)) continue;
      await copyPrivate(path.join(this.dir, name), path.join(target, name));
      bytes += (await fs.promises.stat(path.join(target, name))).size;
    }
    await fsyncDir(target);
    return bytes;
  }
}
