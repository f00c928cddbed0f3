/**
 * Import of existing registers (issue 12): analyse a file, dry run a mapping, import as a job in batches of
 * rows (one transaction each, cancellable between batches), and keep mappings for the next file.
 *
 * The file is kept in the attachment store by its sha256 once it reads well; the rows read from it are kept in
 * memory for the last few files, and the dry run's results for the last mapping, so paging through 100,000
 * rows does not read the file again. Every long loop yields to the event loop between batches.
 */
import { randomUUID } from 'node:crypto';
import { CATEGORY_FACTS } from '../../shared/categories';
import { recordAdminChange } from '../admin/audit';
import { tagFormatOf, tagNumber } from '../../shared/tag-format';
import { effectiveDataBearing } from '../../shared/data-bearing';
import type { ImportJob, ProcedureArgs, ProcedureOutput } from '../../shared/contract';
import { emptyImportCounts, IMPORT_SAVED_MAPPINGS_MAX, type ImportCounts, type ImportMapping } from '../../shared/import';
import { errorMessage, type Locale } from '../../shared/messages';
import { translate } from '../../shared/i18n';
import type { Device } from '../../shared/schemas';
import { nowIso, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { appendTrailEvent, locationById, nextTurn } from '../lifecycle/step';
import type { Store, StoreTx } from '../store/store';
import { nextFreeAssetTag } from '../tags/service';
import { decideRows, draftRow, FileRepeats, importReference, updatedDevice, type ImportReference, type RowDecision, type RowDraft } from './plan';
import { DryRunResults } from './dry-run-results';
import { readImportFile, type ImportFile } from './read-file';
import { guessMapping } from './values';

/**
 * Rows per batch: one transaction. A batch's staged devices, events and encoded record live until its commit,
 * across young-generation collections, and so are promoted to the old generation, garbage there for a full
 * collection: 100 rows rather than 500 let bench:import's heap peak at 384 MB instead of 449 (load 10-15).
 */
export const IMPORT_BATCH_ROWS = 100;
/**
 * Rows read or decided between two turns of the event loop outside a transaction: a few ms of work, so that
 * even on a busy shared machine (four times slower) no turn waits 50 ms.
 */
const ROWS_PER_TURN = 200;
/**
 * Rows written between two turns inside a batch's transaction: a row is a device, its trail event chained and
 * hashed, and its search text (some 0.3 ms; the 100 steps of a lifecycle run would hold the loop too long here).
 */
const WRITES_PER_TURN = 25;
/** Files whose rows are kept in memory (a 100,000-row file's rows take some 20 MB). */
const FILES_KEPT = 2;
const SAMPLE_ROWS = 5;

interface Job extends ImportJob {
  cancelRequested: boolean;
  finished: Promise<void>;
}

/** What the import keeps between calls, per store. */
interface ImportState {
  files: Map<string, { fileName: string; file: ImportFile }>;
  dryRun?: { key: string; results: DryRunResults; counts: ImportCounts };
  jobs: Map<string, Job>;
}

const states = new WeakMap<Store, ImportState>();
function stateOf(store: Store): ImportState {
  let s = states.get(store);
  if (!s) states.set(store, (s = { files: new Map(), jobs: new Map() }));
  return s;
}

function keepFile(state: ImportState, sha256: string, fileName: string, file: ImportFile): void {
  state.files.delete(sha256);
  state.files.set(sha256, { fileName, file });
  while (state.files.size > FILES_KEPT) state.files.delete(state.files.keys().next().value!);
}

/**
 * The rows of an analysed file: from memory, or read again from the attachment store.
 * @throws IMPORT_FILE_UNKNOWN, and readImportFile's codes
 */
async function fileOf(ctx: ServiceContext, sha256: string, fileName: string): Promise<ImportFile> {
  const state = stateOf(ctx.store);
  const kept = state.files.get(sha256);
  if (kept) return kept.file;
  const bytes = await ctx.store.getAttachment(sha256);
  if (!bytes) throw new AppError('IMPORT_FILE_UNKNOWN', { fileName });
  const file = await readImportFile(fileName, bytes);
  keepFile(state, sha256, fileName, file);
  return file;
}

/**
 * Reads a register file and guesses its mapping. Nothing is kept unless the file reads well.
 * @throws IMPORT_TOO_LARGE, IMPORT_EMPTY, IMPORT_HEADER_ONLY, IMPORT_NOT_TEXT, IMPORT_UNREADABLE, IMPORT_TOO_MANY_ROWS
 */
export async function analyzeImport(ctx: ServiceContext, input: ProcedureArgs<'import.analyze'>): Promise<ProcedureOutput<'import.analyze'>> {
  const bytes = await fromBase64Sliced(input.dataBase64);
  const file = await readImportFile(input.fileName, bytes);
  const sha256 = await ctx.store.putAttachment(bytes);
  keepFile(stateOf(ctx.store), sha256, input.fileName, file);
  return {
    sha256,
    fileName: input.fileName,
    format: file.format,
    headers: file.headers,
    sample: Array.from({ length: Math.min(SAMPLE_ROWS, file.rows.length) }, (_, i) => file.rows.at(i).cells),
    rowCount: file.rows.length,
    guess: guessMapping(file.headers),
    saved: (await ctx.store.getSettings()).importMappings ?? [],
  };
}

/** Base64 characters decoded per slice (a multiple of 4): some 1 ms each. */
const BASE64_SLICE = 512 * 1024;

/**
 * A 40 MB base64 text decoded in one go holds the event loop some 80 ms on a busy machine: a slice at a time
 * instead, each into its place in one buffer (gathering the slices with Buffer.concat at the end copied 10 MB in one
 * go, which bench:import saw hold the loop 45 ms).
 */
async function fromBase64Sliced(text: string): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(Math.floor((text.length * 3) / 4));
  let length = 0;
  for (let i = 0; i < text.length; i += BASE64_SLICE) {
    length += bytes.write(text.slice(i, i + BASE64_SLICE), length, 'base64');
    await nextTurn();
  }
  // why: only the bytes written are handed on; the rest of the unsafe allocation (a padding's worth) is never read
  return bytes.subarray(0, length);
}

/** @throws IMPORT_MAPPING_INVALID when a column is past the file's last */
function requireMappingFits(mapping: ImportMapping, file: ImportFile, fileName: string): void {
  const width = Math.max(file.headers.length, ...Array.from({ length: Math.min(100, file.rows.length) }, (_, i) => file.rows.at(i).cells.length));
  for (const col of Object.values(mapping)) {
    if (col !== undefined && col >= width) throw new AppError('IMPORT_MAPPING_INVALID', { fileName, column: col + 1, columns: width });
  }
}

/** What a row is read against: the administrations, locations and tag format of the store now. */
async function referenceOf(ctx: ServiceContext): Promise<ImportReference> {
  return importReference(await ctx.store.listDepartments(), await ctx.store.listLocations(), tagFormatOf(await ctx.store.getSettings()));
}

/**
 * The first pass of the dry run and the import: every row read once to note its serial and tag, and the highest
 * tag a row that is not refused brings. The rows are drafted again a batch at a time: 100,000 drafts kept all
 * through would hold some tens of MB for nothing, and drafts that live long teach V8 to allocate every later
 * draft straight in the old generation (allocation-site pretenuring), where each is garbage for a full collection.
 */
async function noteRows(ctx: ServiceContext, file: ImportFile, mapping: ImportMapping): Promise<{ ref: ImportReference; repeats: FileRepeats; highestTag: number }> {
  const ref = await referenceOf(ctx);
  const repeats = new FileRepeats();
  let highestTag = 0;
  for (let i = 0; i < file.rows.length; i++) {
    const d = draftRow(file.rows.at(i), mapping, ref);
    repeats.note(d);
    repeats.refuse(d);
    if (d.assetTag && d.refusals.length === 0) highestTag = Math.max(highestTag, tagNumber(d.assetTag));
    if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
  }
  return { ref, repeats, highestTag };
}

/** Rows `from` … `from + count - 1` drafted, repeats refused (every row noted first). */
async function draftBatch(file: ImportFile, mapping: ImportMapping, noted: { ref: ImportReference; repeats: FileRepeats }, from: number, count: number): Promise<RowDraft[]> {
  const drafts: RowDraft[] = [];
  for (let i = from; i < Math.min(from + count, file.rows.length); i++) {
    const d = draftRow(file.rows.at(i), mapping, noted.ref);
    noted.repeats.refuse(d);
    drafts.push(d);
    if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
  }
  return drafts;
}

const countOf = (decisions: readonly RowDecision[], counts: ImportCounts): void => {
  for (const d of decisions) counts[d.kind]++;
};

/**
 * What importing the file with this mapping would do; the results of the last mapping are kept for paging.
 * @throws IMPORT_FILE_UNKNOWN, IMPORT_MAPPING_INVALID
 */
export async function dryRunImport(ctx: ServiceContext, input: ProcedureArgs<'import.dryRun'>): Promise<ProcedureOutput<'import.dryRun'>> {
  const state = stateOf(ctx.store);
  const key = `${input.sha256}:${JSON.stringify(input.mapping)}`;
  if (input.fresh || state.dryRun?.key !== key) {
    const file = await fileOf(ctx, input.sha256, input.fileName);
    requireMappingFits(input.mapping, file, input.fileName);
    const noted = await noteRows(ctx, file, input.mapping);
    const results = new DryRunResults(file.rows.length);
    const counts = emptyImportCounts();
    for (let i = 0; i < file.rows.length; i += ROWS_PER_TURN) {
      const decisions = await decideRows(ctx.store, await draftBatch(file, input.mapping, noted, i, ROWS_PER_TURN));
      countOf(decisions, counts);
      for (const d of decisions) results.add(d.result);
      await nextTurn();
    }
    state.dryRun = { key, results, counts };
  }
  const { results, counts } = state.dryRun;
  return { counts, ...results.page(input.offset, input.limit, input.onlyRefused) };
}

const jobView = (job: Job): ImportJob => ({
  jobId: job.jobId,
  state: job.state,
  done: job.done,
  total: job.total,
  counts: { ...job.counts },
  ...(job.message ? { message: job.message } : {}),
});

/**
 * Starts importing the file as a job; progress and cancel by its id. One job at a time per store.
 * @throws IMPORT_RUNNING, IMPORT_FILE_UNKNOWN, IMPORT_MAPPING_INVALID
 */
export async function startImport(ctx: ServiceContext, input: ProcedureArgs<'import.start'>, locale: Locale): Promise<ImportJob> {
  const state = stateOf(ctx.store);
  if ([...state.jobs.values()].some((j) => j.state === 'running')) throw new AppError('IMPORT_RUNNING');
  const file = await fileOf(ctx, input.sha256, input.fileName);
  requireMappingFits(input.mapping, file, input.fileName);
  const job: Job = {
    jobId: randomUUID(),
    state: 'running',
    done: 0,
    total: file.rows.length,
    counts: emptyImportCounts(),
    cancelRequested: false,
    finished: Promise.resolve(),
  };
  state.jobs.set(job.jobId, job);
  // The dry run's rows say what the store held before: dropped now (at 100,000 rows some 30 MB), not kept meanwhile.
  state.dryRun = undefined;
  job.finished = runJob(ctx, job, file, input, locale).finally(() => {
    // The store changed: an earlier dry run no longer says what a next import would do.
    state.dryRun = undefined;
  });
  return jobView(job);
}

async function runJob(ctx: ServiceContext, job: Job, file: ImportFile, input: ProcedureArgs<'import.start'>, locale: Locale): Promise<void> {
  try {
    const noted = await noteRows(ctx, file, input.mapping);
    // The job owns the rows from here and lets each batch's go once drafted (100,000 rows hold some 20 MB): a later
    // dry run or import reads the file again from the attachment store.
    stateOf(ctx.store).files.delete(input.sha256);
    const rows = file.rows;
    // Tags the file gives are kept from the counter first, so a tag handed to a row without one is never a later row's.
    const { highestTag } = noted;
    for (let i = 0; i < rows.length; i += IMPORT_BATCH_ROWS) {
      if (job.cancelRequested) {
        job.state = 'cancelled';
        return;
      }
      const batch = await draftBatch(file, input.mapping, noted, i, IMPORT_BATCH_ROWS);
      rows.release(i, i + IMPORT_BATCH_ROWS);
      await nextTurn();
      const decisions = await ctx.store.transaction(async (tx) => {
        if (i === 0 && highestTag > 0) tx.raiseAssetTagNumber(highestTag);
        const decided = await decideRows(tx, batch);
        for (let k = 0; k < decided.length; k++) {
          await writeDecision(ctx, tx, decided[k]!, input);
          if (k % WRITES_PER_TURN === WRITES_PER_TURN - 1) await nextTurn();
        }
        return decided;
      });
      countOf(decisions, job.counts);
      job.done += batch.length;
      await nextTurn();
    }
    job.state = job.cancelRequested && job.done < job.total ? 'cancelled' : 'done';
  } catch (err) {
    job.state = 'failed';
    job.message = err instanceof AppError ? errorMessage(err.code, err.params, locale) : translate(locale, 'common.unexpectedError');
  }
}

/** Writes one row's device and its `imported` trail event. */
async function writeDecision(ctx: ServiceContext, tx: StoreTx, decision: RowDecision, input: ProcedureArgs<'import.start'>): Promise<void> {
  if (decision.kind !== 'create' && decision.kind !== 'update') return;
  const at = nowIso(ctx.clock);
  const source = { type: 'imported' as const, fileName: input.fileName, fileSha256: input.sha256, row: decision.draft.n };
  if (decision.kind === 'update') {
    const next: Device = { ...updatedDevice(decision.device, decision.draft, decision.changes), updatedAt: at };
    const location = await locationById(tx, next.locationId);
    tx.putDevice(next);
    await appendTrailEvent(ctx, tx, { deviceId: next.id, at, location, body: { ...source, changes: decision.changes } });
    return;
  }
  const d = decision.draft;
  // why: decideRows creates only rows with every required field (RowDraft.missing empty), a location and a state
  const location = d.location!;
  const status = d.status!;
  const departmentId = d.departmentId!;
  const category = d.category!;
  const specs = { ...(d.ramGb === undefined ? {} : { ramGb: d.ramGb }), ...(d.storageGb === undefined ? {} : { storageGb: d.storageGb }), ...(d.screenInch === undefined ? {} : { screenInch: d.screenInch }) };
  const device: Device = {
    id: randomUUID(),
    assetTag: d.assetTag ?? (await nextFreeAssetTag(tx)),
    category,
    manufacturer: d.manufacturer!,
    model: d.model!,
    serial: d.serial!,
    specs,
    ...(d.condition ? { condition: d.condition } : {}),
    dataBearing: effectiveDataBearing(category, undefined),
    departmentId,
    locationId: location.id,
    status,
    weightKg: CATEGORY_FACTS[category].typicalWeightKg,
    ...(d.year === undefined ? {} : { year: d.year }),
    ...(d.notes ? { notes: d.notes } : {}),
    reportedAt: at,
    updatedAt: at,
    trailLength: 0,
  };
  tx.putDevice(device);
  await appendTrailEvent(ctx, tx, {
    deviceId: device.id,
    at,
    location,
    body: { ...source, status, departmentId, ...(d.purchaseDate ? { purchaseDate: d.purchaseDate } : {}) },
  });
}

/** @throws NOT_FOUND */
function jobOf(ctx: ServiceContext, jobId: string): Job {
  const job = stateOf(ctx.store).jobs.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', { entity: 'importJob', key: jobId });
  return job;
}

export async function importProgress(ctx: ServiceContext, input: ProcedureArgs<'import.progress'>): Promise<ImportJob> {
  return jobView(jobOf(ctx, input.jobId));
}

/** Asks the job to stop before its next batch. @throws NOT_FOUND */
export async function cancelImport(ctx: ServiceContext, input: ProcedureArgs<'import.cancel'>): Promise<ImportJob> {
  const job = jobOf(ctx, input.jobId);
  if (job.state === 'running') job.cancelRequested = true;
  return jobView(job);
}

/** For tests and the benchmark: resolves when the job has stopped. */
export async function importFinished(ctx: ServiceContext, jobId: string): Promise<ImportJob> {
  const job = jobOf(ctx, jobId);
  await job.finished;
  return jobView(job);
}

/** Keeps a mapping under its name (replacing one of the same name); the oldest goes past the limit. */
export async function saveImportMapping(ctx: ServiceContext, input: ProcedureArgs<'import.saveMapping'>): Promise<ProcedureOutput<'import.saveMapping'>> {
  return ctx.store.transaction(async (tx) => {
    const settings = await tx.getSettings();
    const same = (m: { name: string }) => m.name.toLowerCase() === input.name.toLowerCase();
    const earlier = (settings.importMappings ?? []).find(same);
    const others = (settings.importMappings ?? []).filter((m) => !same(m));
    const saved = [...others, { name: input.name, columns: input.columns, savedAt: nowIso(ctx.clock) }].slice(-IMPORT_SAVED_MAPPINGS_MAX);
    tx.putSettings({ ...settings, importMappings: saved });
    // A saved mapping is part of the settings: the audit list names it and each column it maps, before and after.
    recordAdminChange(tx, ctx, {
      subject: 'settings',
      subjectId: 'importMapping',
      subjectName: input.name,
      action: earlier ? 'changed' : 'created',
      before: earlier?.columns,
      after: input.columns,
    });
    return { saved };
  });
}
