/**
 * Moving a standalone desk's data into the shared server (issue 13): every record of a file store copied into an
 * empty PostgreSQL database in one transaction (trail events with their seq, hashes and keyed links as they are),
 * then checked on the server: every hash chain verifies and every kind of record is there as often as in the folder.
 * A copy that does not check out is removed again, so the database is left as it was found: empty.
 */
import { countRecord, type DumpCounts } from './dump';
import type { FileStore } from './file/file-store';
import { PostgresStore } from './postgres/postgres-store';
import type { TrailProblem } from './store';

export interface MigrationReport {
  /** Records copied, by kind (core/store/dump.ts). */
  copied: DumpCounts;
  devices: number;
  events: number;
}

export class MigrationCheckFailed extends Error {
  constructor(
    message: string,
    readonly problems: TrailProblem[],
  ) {
    super(message);
  }
}

export async function migrateToServer(source: FileStore, databaseUrl: string): Promise<MigrationReport> {
  const sourceProblems = await source.verifyTrails();
  if (sourceProblems.length > 0) {
    throw new MigrationCheckFailed(`The trail of ${source.dir} does not verify (${sourceProblems.length} problems; npm run verify-trail names them): nothing was copied`, sourceProblems);
  }
  const target = await PostgresStore.open(databaseUrl);
  try {
    const copied = await target.importAll(source.exportAll());
    const problems = await target.verifyTrails();
    const onServer: DumpCounts = {};
    for await (const r of target.exportAll()) countRecord(onServer, r);
    const differ = Object.keys({ ...copied, ...onServer }).filter((k) => copied[k as keyof DumpCounts] !== onServer[k as keyof DumpCounts]); // why: the keys of the two count objects are dump kinds
    if (problems.length > 0 || differ.length > 0) {
      await target.clearAll();
      throw new MigrationCheckFailed(
        problems.length > 0
          ? `After the copy, ${problems.length} trail problems were found on the server; the copy was removed again`
          : `After the copy, the server holds other counts of ${differ.join(', ')} than ${source.dir}; the copy was removed again`,
        problems,
      );
    }
    return { copied, devices: copied.device ?? 0, events: copied.event ?? 0 };
  } finally {
    await target.close();
  }
}
