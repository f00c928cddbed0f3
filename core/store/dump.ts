/**
 * A store's whole content as a stream of records (issue 13): what the PostgreSQL store's backup writes (as JSON
 * lines), what a restore reads back, and what `npm run migrate-to-server` copies from a file store into the
 * server. Events keep their seq, hashes and keyed link exactly: they are copied, never re-chained.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Device, Reservation, TrailEvent } from '../../shared/schemas';
import type { Notification, WantedRequest } from '../../shared/wanted';
import { openPrivate } from './private-files';

export type DumpRecord =
  /** Any record of the generic kind+key table: every reference kind, sanitization records, the settings. */
  | { k: 'record'; kind: string; key: string; v: unknown }
  | { k: 'device'; v: Device }
  | { k: 'event'; v: TrailEvent; link?: string | undefined }
  | { k: 'reservation'; v: Reservation }
  | { k: 'wanted'; v: WantedRequest }
  | { k: 'notification'; v: Notification }
  /** The last asset tag number issued. */
  | { k: 'lastTag'; v: number }
  | { k: 'attachment'; sha256: string; base64: string };

/** The counts of a dump by record kind, to compare a copy with its source. */
export type DumpCounts = Partial<Record<DumpRecord['k'], number>>;

export function countRecord(counts: DumpCounts, r: DumpRecord): void {
  counts[r.k] = (counts[r.k] ?? 0) + 1;
}

/** The file a PostgreSQL backup folder holds. */
export const DUMP_FILE = 'kredslob-dump.jsonl';

/** The first line of a dump: what wrote it, so a restore can refuse what it does not read. */
interface DumpHeader {
  format: 'kredslob-dump';
  version: 1;
  schema: number;
  takenAt: string;
}

export async function writeDump(targetDir: string, schema: number, records: AsyncIterable<DumpRecord>): Promise<DumpCounts> {
  const file = await openPrivate(path.join(targetDir, DUMP_FILE), 'wx');
  const counts: DumpCounts = {};
  try {
    const header: DumpHeader = { format: 'kredslob-dump', version: 1, schema, takenAt: new Date().toISOString() };
    let buf = `${JSON.stringify(header)}\n`;
    for await (const r of records) {
      countRecord(counts, r);
      buf += `${JSON.stringify(r)}\n`;
      if (buf.length > 1 << 20) {
        await file.write(buf);
        buf = '';
      }
    }
    await file.write(buf);
    await file.sync();
  } finally {
    await file.close();
  }
  return counts;
}

export function hasDump(dir: string): boolean {
  return fs.existsSync(path.join(dir, DUMP_FILE));
}

/** The records of a dump written by writeDump; a file that is not one is refused naming the file and line. */
export async function* readDump(dir: string): AsyncGenerator<DumpRecord> {
  const file = path.join(dir, DUMP_FILE);
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${file} line ${n} is not JSON: the dump is damaged`);
    }
    if (n === 1) {
      const h = value as Partial<DumpHeader>; // why: checked field by field just below
      if (h.format !== 'kredslob-dump' || h.version !== 1) throw new Error(`${file} is not a Kredsløb dump (format 1)`);
      continue;
    }
    yield value as DumpRecord; // why: written by writeDump from typed records; the importer checks the kinds it inserts
  }
  if (n === 0) throw new Error(`${file} is empty: the dump is damaged`);
}
