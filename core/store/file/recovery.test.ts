import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Device, TrailEvent } from '../../../shared/schemas';
import { tempDir } from '../../testing/harness';
import { DEFAULT_SETTINGS } from '../store';
import { device, event } from '../store-contract';
import { chainEvent } from '../trail-hash';
import { writeSnapshot } from './compaction';
import { JournalWriter, encodeRecord, journalDirOf, segmentName } from './journal';
import type { Op } from './ops';
import { recover } from './recovery';
import { SNAPSHOT_NAME } from './snapshot';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function fresh(): string {
  const d = tempDir('kredslob-recovery-');
  dirs.push(d);
  return d;
}

const a = device({ id: 'a', assetTag: 'KK-a' });
const b = device({ id: 'b', assetTag: 'KK-b' });

/** The next event of a device's chain, after `prev`. */
const nextEvent = (d: Device, prev?: TrailEvent): TrailEvent => chainEvent(event(d), prev);

/** Appends records numbered from `firstN` to a segment, as committed transactions write them. Returns the segment file. */
function writeRecords(dir: string, records: Op[][], { firstN = 1, segment = 1 } = {}): string {
  const writer = new JournalWriter(journalDirOf(dir), segment);
  records.forEach((ops, i) => writer.append(encodeRecord(firstN + i, ops).buffer));
  writer.close();
  return path.join(journalDirOf(dir), segmentName(segment));
}

const quiet = () => {};

const a1 = nextEvent(a);
const THREE_RECORDS: Op[][] = [
  [
    { k: 'device', v: { ...a, trailLength: 1 } },
    { k: 'event', v: a1 },
    { k: 'user', v: { id: 'u1', name: 'Lager', email: 'lager@kk.dk', role: 'warehouse', departmentId: 'dep-buf' } },
  ],
  [
    { k: 'device', v: b },
    { k: 'tag', v: 5 },
  ],
  [{ k: 'settings', v: { ...DEFAULT_SETTINGS, reservationDays: 14 } }],
];

describe('recovery: replaying the journal', () => {
  it('rebuilds devices, trails, reference data, settings and the tag counter from a journal alone', async () => {
    const dir = fresh();
    const seg = writeRecords(dir, THREE_RECORDS);
    const { state, end, snapshotTxSeq } = await recover(dir, quiet);
    expect(state.getDevice('a')).toMatchObject({ assetTag: 'KK-a', trailLength: 1 });
    expect(state.getDeviceByTag('KK-b')?.id).toBe('b');
    expect(state.trailCount('a')).toBe(1);
    expect(state.headOf('a')).toBe(a1.hash);
    expect(state.reference.user.get('u1')?.name).toBe('Lager');
    expect(state.settings.reservationDays).toBe(14);
    expect(state.nextTag).toBe(6);
    expect(state.txSeq).toBe(3);
    expect(snapshotTxSeq).toBe(0);
    expect(end).toEqual({ segment: 1, offset: fs.statSync(seg).size });
  });

  it('starts from the snapshot and replays only the records written after it', async () => {
    const dir = fresh();
    writeRecords(dir, THREE_RECORDS);
    const first = await recover(dir, quiet);
    await writeSnapshot(dir, first.state.copy(first.end));
    const a2 = nextEvent(a, a1);
    writeRecords(dir, [[{ k: 'device', v: { ...a, status: 'listed', trailLength: 2 } }, { k: 'event', v: a2 }]], { firstN: 4 });

    const { state, snapshotTxSeq } = await recover(dir, quiet);
    expect(snapshotTxSeq).toBe(3);
    expect(state.txSeq).toBe(4);
    expect(state.getDevice('a')?.status).toBe('listed');
    expect(state.getDevice('b')).toBeDefined();
    // One event from the snapshot's index, one from the replay: nothing applied twice.
    expect(state.trailCount('a')).toBe(2);
    expect(state.headOf('a')).toBe(a2.hash);
    expect(state.nextTag).toBe(6);
  });

  it('drops a torn last record with a warning, cuts it off the file and keeps every record before it', async () => {
    const dir = fresh();
    const seg = writeRecords(dir, THREE_RECORDS);
    const whole = fs.statSync(seg).size;
    fs.appendFileSync(seg, '0badc0de {"n":4,"ops":[{"k":"settings","v":{"reserv');
    const warnings: string[] = [];
    const { state, end } = await recover(dir, (m) => warnings.push(m));
    expect(warnings).toEqual([`dropped a torn last journal record in 00000001.jsonl at byte ${whole}`]);
    expect(state.txSeq).toBe(3);
    expect(fs.statSync(seg).size).toBe(whole);
    expect(end).toEqual({ segment: 1, offset: whole });

    warnings.length = 0;
    expect((await recover(dir, (m) => warnings.push(m))).state.txSeq).toBe(3);
    expect(warnings).toEqual([]);
  });
});

describe('recovery: refusing damaged data', () => {
  it('refuses a bad record with whole records after it, naming the segment and the byte', async () => {
    const dir = fresh();
    const seg = writeRecords(dir, THREE_RECORDS);
    const lines = fs.readFileSync(seg, 'utf8').split('\n');
    const second = Buffer.byteLength(lines[0]!) + 1;
    lines[1] = lines[1]!.replace('"KK-b"', '"KK-X"'); // the checksum no longer matches
    fs.writeFileSync(seg, lines.join('\n'));
    await expect(recover(dir, quiet)).rejects.toThrow(`Journal segment 00000001.jsonl is damaged at byte ${second}; restore a backup`);
  });

  it('treats a torn end of a segment that is not the last one as damage, not as a crash', async () => {
    const dir = fresh();
    const seg = writeRecords(dir, THREE_RECORDS.slice(0, 2));
    const whole = fs.statSync(seg).size;
    fs.appendFileSync(seg, '0badc0de {"n":3,"ops":[');
    writeRecords(dir, THREE_RECORDS.slice(2), { firstN: 3, segment: 2 });
    await expect(recover(dir, quiet)).rejects.toThrow(`Journal segment 00000001.jsonl is damaged at byte ${whole}`);
  });

  it('refuses a journal with a whole record missing in the middle', async () => {
    const dir = fresh();
    writeRecords(dir, [THREE_RECORDS[0]!]);
    writeRecords(dir, [THREE_RECORDS[2]!], { firstN: 3 });
    await expect(recover(dir, quiet)).rejects.toThrow('Journal record 2 is missing before record 3 in 00000001.jsonl; restore a backup');
  });

  it('refuses a journal with a segment file missing', async () => {
    const dir = fresh();
    writeRecords(dir, [THREE_RECORDS[0]!]);
    writeRecords(dir, [THREE_RECORDS[1]!], { firstN: 2, segment: 3 });
    await expect(recover(dir, quiet)).rejects.toThrow('Journal segment 00000002.jsonl is missing; restore a backup');
  });

  it('refuses a journal that ends before the snapshot position instead of losing the writes after it', async () => {
    const dir = fresh();
    const seg = writeRecords(dir, THREE_RECORDS);
    const first = await recover(dir, quiet);
    await writeSnapshot(dir, first.state.copy(first.end));
    fs.truncateSync(seg, Math.floor(first.end.offset / 2)); // what a power cut before the data reached the disk can leave
    await expect(recover(dir, quiet)).rejects.toThrow(
      `Journal segment 00000001.jsonl ends at byte ${Math.floor(first.end.offset / 2)}, before the snapshot's position ${first.end.offset}`,
    );
  });

  it('refuses a snapshot of a format it does not know', async () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, SNAPSHOT_NAME), JSON.stringify({ format: 99 }));
    await expect(recover(dir, quiet)).rejects.toThrow('Unknown snapshot format 99');
  });
});

describe('recovery: an interrupted snapshot', () => {
  it('removes the half-written snapshot file and opens from the last whole snapshot and the journal', async () => {
    const dir = fresh();
    writeRecords(dir, THREE_RECORDS);
    const first = await recover(dir, quiet);
    await writeSnapshot(dir, first.state.copy(first.end));
    const leftover = path.join(dir, `${SNAPSHOT_NAME}.4242.tmp`);
    fs.writeFileSync(leftover, '{"format":2,"index":"index-0000');
    writeRecords(dir, [[{ k: 'device', v: device({ id: 'c' }) }]], { firstN: 4 });

    const { state } = await recover(dir, quiet);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(state.txSeq).toBe(4);
    expect([state.getDevice('a'), state.getDevice('c')].every(Boolean)).toBe(true);
  });
});
