import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentDir, sha256Hex, sha256HexSliced } from './attachment-dir';

describe('attachments named by their sha256', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-attachments-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a file of several MB (hashed a slice at a time) is named by the sha256 of all its bytes and reads back whole', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    const attachments = new AttachmentDir(dir);
    const sha = await attachments.put(bytes);
    expect(sha).toBe(sha256Hex(bytes));
    expect(Buffer.from((await attachments.get(sha)) ?? []).equals(bytes)).toBe(true);
  });

  it('the sliced hash is the plain one for empty, one-slice and exactly-two-slice bytes', async () => {
    for (const size of [0, 5, 2 * 1024 * 1024]) {
      const bytes = Buffer.alloc(size, 7);
      expect(await sha256HexSliced(bytes)).toBe(sha256Hex(bytes));
    }
  });
});
