/**
 * Compacted snapshots of the store's state, kept with lowdb. lowdb's own JSONFile adapter stringifies the
 * whole document in one go (hundreds of milliseconds at 100,000 devices, all of it blocking the event
 * loop), so this adapter streams the document in slices, yielding between them, into a temporary file
 * that replaces the old snapshot by an atomic rename: a snapshot file is never half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { AdminAuditEntry, AuthAuditEntry, Credential, Batch, Department, FactorVersion, Location, OidcGroup, Settings, Unit, Recycler, User } from '../../../shared/schemas';
import type { Notification, WantedRequest } from '../../../shared/wanted';
import type { DeviceColumns, ReservationColumns } from './device-columns';
import { asciiJson, isJsonStream, type JsonStream } from './ascii-json';
import type { JournalPosition, RecordRef } from './journal';
import type { TrailSeal } from './ops';
import { openPrivate } from '../private-files';

export const SNAPSHOT_FORMAT = 2;
export const SNAPSHOT_NAME = 'snapshot.json';

export interface SnapshotData {
  format: number;
  /** The binary index file written with this snapshot (trail places, heads, sanitization places). */
  index: string | null;
  /** Every journal record before this position is contained in the snapshot. */
  position: JournalPosition;
  txSeq: number;
  nextTag: number;
  settings: Settings;
  departments: Department[];
  units: Unit[];
  locations: Location[];
  users: User[];
  /** Absent in snapshots written before the recycler register. */
  recyclers?: Recycler[];
  /** Absent in snapshots written before e-waste batches. */
  batches?: Batch[];
  /** Absent in snapshots written before the emission-factor versions. */
  factorVersions?: FactorVersion[];
  /** Absent in snapshots written before the admin audit list (issue 12). */
  adminAudit?: AdminAuditEntry[];
  /** Absent in snapshots written before sign-in (issue 13). */
  credentials?: Credential[];
  authAudit?: AuthAuditEntry[];
  /** Absent in snapshots written before sign-in groups (issue 13, wt-oidc). */
  oidcGroups?: OidcGroup[];
  /** Absent before the store was keyed (and in snapshots written before keyed trails). */
  trailSeal?: { v: TrailSeal; ref: RecordRef };
  /** Absent in snapshots written before wanted requests (issue 11). */
  wantedRequests?: WantedRequest[];
  notifications?: Notification[];
  /** Columns when read; a stream of them when written (compaction writes them without building them). */
  devices: DeviceColumns | JsonStream;
  reservations: ReservationColumns | JsonStream;
  // Snapshots written before the store stopped counting reuse per month also hold `reuseByMonth`; it is ignored.
}

const SLICE = 1000;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class SlicedJsonFile implements Adapter<SnapshotData | null> {
  constructor(private readonly file: string) {}

  async read(): Promise<SnapshotData | null> {
    let text: string;
    try {
      // why: the writer escapes every non-ASCII character, so the bytes are ASCII and latin1 is the fast exact decoding
      text = (await fs.promises.readFile(this.file)).toString('latin1');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as SnapshotData; // why: written only by write() below, format checked by the caller
  }

  async write(data: SnapshotData | null): Promise<void> {
    if (data === null) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = await openPrivate(tmp, 'w');
    try {
      await writeSliced(fd, data);
      await fd.sync();
    } finally {
      await fd.close();
    }
    await fs.promises.rename(tmp, this.file);
    await fsyncDir(path.dirname(this.file));
  }
}

/** JSON of `value`, written in slices: long arrays a slice at a time, objects key by key. */
async function writeSliced(fd: fs.promises.FileHandle, value: unknown): Promise<void> {
  if (isJsonStream(value)) {
    await value.writeJson(async (text) => {
      await fd.write(text);
    });
  } else if (Array.isArray(value) && value.length > SLICE) {
    await fd.write('[');
    for (let i = 0; i < value.length; i += SLICE) {
      const part = value.slice(i, i + SLICE).map(asciiJson);
      await fd.write((i ? ',' : '') + part.join(','));
      await yieldToLoop();
    }
    await fd.write(']');
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    await fd.write('{');
    for (let k = 0; k < entries.length; k++) {
      const [key, v] = entries[k]!;
      await fd.write(`${k ? ',' : ''}${asciiJson(key)}:`);
      await writeSliced(fd, v);
    }
    await fd.write('}');
  } else {
    await fd.write(asciiJson(value));
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  try {
    const d = await fs.promises.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // why: some platforms (Windows) cannot open a directory for fsync; rename is still atomic there
  }
}

export function snapshotDb(dir: string): Low<SnapshotData | null> {
  return new Low<SnapshotData | null>(new SlicedJsonFile(path.join(dir, SNAPSHOT_NAME)), null);
}
