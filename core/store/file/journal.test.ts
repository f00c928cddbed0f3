import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../testing/harness';
import { BACKGROUND_FLUSH_BYTES, JournalWriter, segmentName } from './journal';

describe('JournalWriter background flush', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts an fdatasync off the event loop each BACKGROUND_FLUSH_BYTES written, one at a time, and keeps every byte', async () => {
    const dir = tempDir();
    const flush = vi.spyOn(fs, 'fdatasync');
    const writer = new JournalWriter(dir, 1);
    const record = Buffer.alloc(1024 * 1024, 0x61);
    for (let i = 0; i < BACKGROUND_FLUSH_BYTES / record.length - 1; i++) writer.append(record);
    expect(flush).not.toHaveBeenCalled();
    writer.append(record);
    expect(flush).toHaveBeenCalledTimes(1);
    // While that flush runs, more writes do not start a second one.
    writer.append(record);
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(flush.mock.results).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < BACKGROUND_FLUSH_BYTES / record.length; i++) writer.append(record);
    expect(flush).toHaveBeenCalledTimes(2);
    writer.close();
    expect(fs.statSync(path.join(dir, segmentName(1))).size).toBe(record.length * (2 + 2 * (BACKGROUND_FLUSH_BYTES / record.length) - 1));
  });
});
