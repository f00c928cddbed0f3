/**
 * Scans waiting for the core, run one at a time in the order they were scanned. A scan leaves the tag field
 * the moment it ends and lives here until it is done or failed with its own reason; a failure stays in view
 * until the person acknowledges it, however many successes follow. Plain TypeScript (no React, no DOM), so the
 * order and the keeping rules are unit-tested; React reads it through `subscribe`/`view`.
 *
 * Undo: a scan whose action has an inverse ends with it (`ScanDone.undo`). `undoLast` queues the inverse of the
 * newest scan that can still be taken back, as an entry of its own behind any scans still waiting; when it
 * succeeds the scan's row says it was undone. Nothing is erased: both the scan and its undo stay listed (and on
 * the device's trail, where the inverse is a new event).
 *
 * Not sent: a scan whose call never reached the core (the server could not be reached) is failed and marked
 * `unsent`, keeping its job. It is never shown as done, is not cleared by acknowledging, and `resend` queues every
 * such scan again, in scan order, with what was chosen when it was scanned. Nothing is sent again by itself.
 */

export type ScanState = 'queued' | 'running' | 'done' | 'failed';

export interface ScanItem {
  /** Scan number at this station, from 1: the order of scanning and of running. */
  n: number;
  /** A scan, or the undo of scan `undoOf`. */
  kind: 'scan' | 'undo';
  undoOf?: number;
  /** The asset tag, or the text as scanned when it is not one. */
  label: string;
  state: ScanState;
  /** What happened: the success line, or the reason it failed (naming the tag). */
  text?: string;
  deviceId?: string;
  /** A failure the person has seen (pressed the acknowledge button after it ended). */
  acknowledged: boolean;
  /** Failed without reaching the core (the server could not be reached): not done, and it can be sent again. */
  unsent?: boolean;
  /**
   * A done scan whose action has an inverse: it can be taken back ('available'), its undo waits or runs
   * ('pending'), or it was taken back ('undone'). Undefined for a scan without an inverse.
   */
  undo?: 'available' | 'pending' | 'undone';
}

export interface ScanDone {
  text: string;
  deviceId?: string;
  /** The inverse of what the scan did (move back, take off the count); only stations whose action has one. */
  undo?: () => Promise<ScanDone>;
}

export interface QueueView {
  /** Newest first: every scan not yet ended, every unacknowledged failure, and the last few others. */
  items: readonly ScanItem[];
  /** Scans waiting or running. */
  pending: number;
  /** Scans done since the station opened in this session, less those taken back. */
  done: number;
  /** Failures not yet acknowledged, less the scans that were not sent. */
  failed: number;
  /** Scans that did not reach the core and wait for `resend`. */
  unsent: number;
  /** The scan (or undo) that ended last. */
  last: ScanItem | undefined;
  /** The scan `undoLast` would take back now. */
  undoable: ScanItem | undefined;
}

export interface ScanQueueOptions {
  /** The reason shown for a failed scan, from whatever `run` threw. */
  failureText(error: unknown, label: string): string;
  /** Called once per scan as it ends (sound, focus). */
  onEnded?(item: ScanItem): void;
  /** How many ended scans (successes and acknowledged failures) stay listed. */
  keepEnded?: number;
  /** True when what `run` threw means the call never reached the core, so the scan may be sent again as it was. */
  notSent?(error: unknown): boolean;
}

export const KEEP_ENDED = 8;

export class ScanQueue {
  private items: ScanItem[] = [];
  private readonly jobs = new Map<number, () => Promise<ScanDone>>();
  /** The jobs of scans that were not sent, kept for `resend`. */
  private readonly unsentJobs = new Map<number, () => Promise<ScanDone>>();
  /** The inverses of done scans that may still be taken back, by scan number. */
  private readonly inverses = new Map<number, () => Promise<ScanDone>>();
  private counter = 0;
  private doneCount = 0;
  private running = false;
  private last: ScanItem | undefined;
  private current: QueueView;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: ScanQueueOptions) {
    this.current = this.makeView();
  }

  /** Queue one scan; `run` starts when every earlier scan has ended. Returns the scan number. */
  add(label: string, run: () => Promise<ScanDone>): number {
    return this.enqueue({ label, kind: 'scan' }, run);
  }

  /**
   * Queue the undo of the newest done scan that can still be taken back; it runs after the scans already
   * waiting. Returns the undo's entry number, or undefined when there is nothing to take back.
   */
  undoLast(): number | undefined {
    const target = this.undoTarget();
    const inverse = target && this.inverses.get(target.n);
    if (!target || !inverse) return undefined;
    this.update(target.n, { undo: 'pending' });
    return this.enqueue({ label: target.label, kind: 'undo', undoOf: target.n }, inverse);
  }

  /**
   * Start afresh (a new stock-take): ended scans leave the list and can no longer be taken back, the done count
   * starts from 0. Scans still waiting keep their place, and so does a failure not yet acknowledged.
   */
  clear(): void {
    this.items = this.items.filter((i) => i.state === 'queued' || i.state === 'running' || (i.state === 'failed' && !i.acknowledged));
    this.inverses.clear();
    this.doneCount = 0;
    this.last = undefined;
    this.changed();
  }

  /**
   * Send every scan that did not reach the core again, in scan order (the queue runs by scan number, so they go
   * before any newer scan still waiting). Returns how many were queued.
   */
  resend(): number {
    const again = this.items.filter((i) => i.unsent && this.unsentJobs.has(i.n));
    for (const item of again) {
      this.jobs.set(item.n, this.unsentJobs.get(item.n)!); // why: filtered on has() just above
      this.unsentJobs.delete(item.n);
      this.update(item.n, { state: 'queued', unsent: false, text: undefined });
    }
    if (again.length > 0) {
      this.changed();
      void this.pump();
    }
    return again.length;
  }

  /** The person has seen the failures so far: the count goes, the rows may now make way for newer scans. Scans not sent stay. */
  acknowledge(): void {
    let any = false;
    this.items = this.items.map((i) => {
      if (i.state !== 'failed' || i.acknowledged || i.unsent) return i;
      any = true;
      return { ...i, acknowledged: true };
    });
    if (any) this.changed();
  }

  private enqueue(entry: Pick<ScanItem, 'label' | 'kind' | 'undoOf'>, run: () => Promise<ScanDone>): number {
    const n = ++this.counter;
    this.items.push({ n, ...entry, state: 'queued', acknowledged: false });
    this.jobs.set(n, run);
    this.changed();
    void this.pump();
    return n;
  }

  /** The current state; the same object until something changes (for React's useSyncExternalStore). */
  view = (): QueueView => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resolves when nothing is waiting or running (tests). */
  async idle(): Promise<void> {
    while (this.items.some((i) => i.state === 'queued' || i.state === 'running')) {
      await new Promise<void>((resolve) => {
        const off = this.subscribe(() => {
          off();
          resolve();
        });
      });
    }
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.nextQueued(); next; next = this.nextQueued()) {
        const run = this.jobs.get(next.n);
        this.jobs.delete(next.n);
        this.update(next.n, { state: 'running' });
        this.changed();
        let ended: Partial<ScanItem>;
        try {
          if (!run) throw new Error(`scan ${next.n} has no job`);
          const done = await run();
          ended = { state: 'done', text: done.text, deviceId: done.deviceId };
          if (next.undoOf !== undefined) {
            this.doneCount--;
            this.inverses.delete(next.undoOf);
            this.update(next.undoOf, { undo: 'undone' });
          } else {
            this.doneCount++;
            if (done.undo) {
              this.inverses.set(next.n, done.undo);
              ended.undo = 'available';
            }
          }
        } catch (e) {
          ended = { state: 'failed', text: this.options.failureText(e, next.label) };
          if (run && next.kind === 'scan' && this.options.notSent?.(e)) {
            ended.unsent = true;
            this.unsentJobs.set(next.n, run);
          }
          // An undo that failed leaves its scan as it was: it may be tried again.
          if (next.undoOf !== undefined) this.update(next.undoOf, { undo: 'available' });
        }
        const item = this.update(next.n, ended);
        this.last = item;
        this.changed();
        if (item) this.options.onEnded?.(item);
      }
    } finally {
      this.running = false;
    }
  }

  private nextQueued(): ScanItem | undefined {
    return this.items.find((i) => i.state === 'queued');
  }

  private undoTarget(): ScanItem | undefined {
    return this.items.findLast((i) => i.kind === 'scan' && i.undo === 'available' && this.inverses.has(i.n));
  }

  private update(n: number, patch: Partial<ScanItem>): ScanItem | undefined {
    let updated: ScanItem | undefined;
    this.items = this.items.map((i) => (i.n === n ? (updated = { ...i, ...patch }) : i));
    return updated;
  }

  private changed(): void {
    this.prune();
    this.current = this.makeView();
    for (const l of [...this.listeners]) l();
  }

  /**
   * Drops the oldest ended scans beyond the limit; never one still pending, never an unacknowledged failure,
   * never a scan whose undo waits. A dropped scan can no longer be taken back.
   */
  private prune(): void {
    const keep = this.options.keepEnded ?? KEEP_ENDED;
    const mayGo = (i: ScanItem) => (i.state === 'done' && i.undo !== 'pending') || (i.state === 'failed' && i.acknowledged);
    let ended = this.items.filter(mayGo).length;
    if (ended <= keep) return;
    this.items = this.items.filter((i) => {
      if (!mayGo(i) || ended <= keep) return true;
      ended--;
      this.inverses.delete(i.n);
      return false;
    });
  }

  private makeView(): QueueView {
    return {
      items: [...this.items].reverse(),
      pending: this.items.filter((i) => i.state === 'queued' || i.state === 'running').length,
      done: this.doneCount,
      failed: this.items.filter((i) => i.state === 'failed' && !i.acknowledged && !i.unsent).length,
      unsent: this.items.filter((i) => i.unsent).length,
      last: this.last,
      undoable: this.undoTarget(),
    };
  }
}
