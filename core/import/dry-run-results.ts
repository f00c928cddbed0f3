/**
 * The dry run's per-row results, kept for paging in columns rather than as 100,000 result objects: a row
 * number and an action code per row, the tag and serial by reference (strings the file's rows or the store
 * hold already), and the changes or refusals only for the rows that have them. Results held as objects took
 * some 30 MB at 100,000 rows, and their long life taught V8 to allocate every later row decision (the import's
 * too) straight in the old generation, where each was garbage for a full collection.
 */
import { IMPORT_ACTIONS, type ImportRowResult } from '../../shared/import';

type Detail = Pick<ImportRowResult, 'changes' | 'refusals'>;

export class DryRunResults {
  private readonly rows: Int32Array;
  private readonly actions: Uint8Array;
  private readonly tags: (string | undefined)[];
  private readonly serials: (string | undefined)[];
  private readonly details = new Map<number, Detail>();
  /** Positions of the refused rows, in file order. */
  private readonly refused: number[] = [];
  private length = 0;

  /** `capacity`: the file's row count (every row gets one result). */
  constructor(capacity: number) {
    this.rows = new Int32Array(capacity);
    this.actions = new Uint8Array(capacity);
    this.tags = new Array<string | undefined>(capacity).fill(undefined);
    this.serials = new Array<string | undefined>(capacity).fill(undefined);
  }

  add(r: ImportRowResult): void {
    const i = this.length++;
    this.rows[i] = r.row;
    this.actions[i] = IMPORT_ACTIONS.indexOf(r.action);
    this.tags[i] = r.assetTag;
    this.serials[i] = r.serial;
    if (r.changes || r.refusals) this.details.set(i, { ...(r.changes ? { changes: r.changes } : {}), ...(r.refusals ? { refusals: r.refusals } : {}) });
    if (r.action === 'refused') this.refused.push(i);
  }

  /** The results from `offset` on (at most `limit`), of every row or of the refused ones only, and how many there are. */
  page(offset: number, limit: number, onlyRefused: boolean): { total: number; items: ImportRowResult[] } {
    const total = onlyRefused ? this.refused.length : this.length;
    const items: ImportRowResult[] = [];
    for (let k = offset; k < Math.min(offset + limit, total); k++) items.push(this.at(onlyRefused ? this.refused[k]! : k));
    return { total, items };
  }

  private at(i: number): ImportRowResult {
    const tag = this.tags[i];
    const serial = this.serials[i];
    return {
      row: this.rows[i]!,
      action: IMPORT_ACTIONS[this.actions[i]!]!,
      ...(tag === undefined ? {} : { assetTag: tag }),
      ...(serial === undefined ? {} : { serial }),
      ...this.details.get(i),
    };
  }
}
