/** Test support: what someone with access to the data folder can do to the journal (tamper.test.ts, the trail CLIs' tests). */
import fs from 'node:fs';
import path from 'node:path';
import type { Device, TrailEvent } from '../../shared/schemas';
import { device, event } from '../store/store-contract';
import { hashEvent, GENESIS_HASH } from '../store/trail-hash';
import type { FileStore } from '../store/file/file-store';
import { decodeRecord, encodeRecord, journalDirOf, listSegments, segmentName } from '../store/file/journal';
import type { JournalRecord, Op } from '../store/file/ops';

/** Three devices with four notes each, written in interleaved transactions. Returns the devices. */
export async function fill(store: FileStore): Promise<Device[]> {
  const ds = [device(), device(), device()];
  await store.transaction(async (tx) => ds.forEach((d) => tx.putDevice(d)));
  for (let i = 1; i <= 4; i++) {
    for (const d of ds) {
      await store.transaction(async (tx) => {
        const note = event(d);
        if (note.type !== 'note_added') throw new Error('event() makes notes by default');
        await tx.appendEvent({ ...note, note: `note ${i}` });
      });
    }
  }
  return ds;
}

export function readJournal(dir: string): JournalRecord[] {
  const journal = journalDirOf(dir);
  const records: JournalRecord[] = [];
  for (const seg of listSegments(journal)) {
    const lines = fs.readFileSync(path.join(journal, segmentName(seg))).toString('utf8').split('\n').filter(Boolean);
    for (const line of lines) records.push(decodeRecord(Buffer.from(line, 'utf8')) as JournalRecord); // why: written by the store, checksums valid
  }
  return records;
}

/** What an attacker does with the files: change the records, re-encode them (fresh CRCs), drop the snapshot. */
export function rewriteJournal(dir: string, change: (records: JournalRecord[]) => void): void {
  const records = readJournal(dir);
  change(records);
  const journal = journalDirOf(dir);
  for (const seg of listSegments(journal)) fs.rmSync(path.join(journal, segmentName(seg)));
  fs.writeFileSync(path.join(journal, segmentName(1)), Buffer.concat(records.map((r) => encodeRecord(r.n, r.ops).buffer)));
  for (const f of fs.readdirSync(dir)) if (f === 'snapshot.json' || f.startsWith('index-')) fs.rmSync(path.join(dir, f));
}

export type EventOp = Extract<Op, { k: 'event' }>;
export const eventOps = (records: JournalRecord[], deviceId: string): EventOp[] =>
  records.flatMap((r) => r.ops.filter((o): o is EventOp => o.k === 'event' && o.v.deviceId === deviceId));

/** Renumbers and re-hashes a device's events in journal order and fixes its trail length: the sha256 chain is whole again. */
export function rechain(records: JournalRecord[], deviceId: string): void {
  let prev = GENESIS_HASH;
  const ops = eventOps(records, deviceId);
  ops.forEach((op, i) => {
    const { hash: _old, ...rest } = { ...op.v, seq: i + 1, prevHash: prev };
    op.v = { ...rest, hash: hashEvent(rest) } as TrailEvent; // why: the same event with its chain fields recomputed
    prev = op.v.hash;
  });
  for (const r of records) for (const o of r.ops) if (o.k === 'device' && o.v.id === deviceId) o.v = { ...o.v, trailLength: ops.length };
}

export const TAMPERS: Record<string, (records: JournalRecord[], deviceId: string) => void> = {
  'an edited event': (records, id) => {
    const op = eventOps(records, id)[1]!;
    op.v = { ...op.v, note: 'note 9' } as TrailEvent; // why: a note event (fill writes only notes)
    rechain(records, id);
  },
  'a removed event': (records, id) => {
    const victim = eventOps(records, id)[1]!;
    for (const r of records) r.ops = r.ops.filter((o) => o !== victim);
    rechain(records, id);
  },
  'a reordered pair': (records, id) => {
    const [, second, third] = eventOps(records, id);
    [second!.v, third!.v] = [third!.v, second!.v];
    [second!.m, third!.m] = [third!.m, second!.m];
    rechain(records, id);
  },
  'a truncated chain': (records, id) => {
    const last = eventOps(records, id).at(-1)!;
    for (const r of records) r.ops = r.ops.filter((o) => o !== last);
    rechain(records, id);
  },
};

