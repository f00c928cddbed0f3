/**
 * Scans waiting for the core, run one at a time in the order they were scanned. A scan leaves the tag field
 * the moment it ends and lives here until it is done or failed with its own reason; a failure stays in view
 * until the person acknowledges it, however many successes follow. Plain TypeScript (no React, no DOM), so the
 * order and the keeping rules are unit-tested; React reads it through `subscribe`/`view`.
 */

export type ScanState = 'queued' | 'running' | 'done' | 'failed';

export interface ScanItem {
  /** Scan number at this station, from 1: the order of scanning and of running. */
  n: number;
  /** The asset tag, or the text as scanned when it is not one. */
  label: string;
  state: ScanState;
  /** What happened: the success line, or the reason it failed (naming the tag). */
  text?: string;
  deviceId?: string;
  /** A failure the person has seen (pressed the acknowledge button after it ended). */
  acknowledged: boolean;
}

export interface ScanDone {
  text: string;
  deviceId?: string;
}

export interface QueueView {
  /** Newest first: every scan not yet ended, every unacknowledged failure, and the last few others. */
  items: readonly ScanItem[];
  /** Scans waiting or running. */
  pending: number;
  /** Scans done since the station opened in this session. */
  done: number;
  /** Failures not yet acknowledged. */
  failed: number;
  /** The scan that ended last. */
  last: ScanItem | undefined;
}

export interface ScanQueueOptions {
  /** The reason shown for a failed scan, from whatever `run` threw. */
  failureText(error: unknown, label: string): string;
  /** Called once per scan as it ends (sound, focus). */
  onEnded?(item: ScanItem): void;
  /** How many ended scans (successes and acknowledged failures) stay listed. */
  keepEnded?: number;
}

export const KEEP_ENDED = 8;

export class ScanQueue {
  private items: ScanItem[] = [];
  private readonly jobs = new Map<number, () => Promise<ScanDone>>();
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
    const n = ++this.counter;
    this.items.push({ n, label, state: 'queued', acknowledged: false });
    this.jobs.set(n, run);
    this.changed();
    void this.pump();
    return n;
  }

  /** The person has seen the failures so far: the count goes, the rows may now make way for newer scans. */
  acknowledge(): void {
    let any = false;
    this.items = this.items.map((i) => {
      if (i.state !== 'failed' || i.acknowledged) return i;
      any = true;
      return { ...i, acknowledged: true };
    });
    if (any) this.changed();
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
          this.doneCount++;
          ended = { state: 'done', text: done.text, deviceId: done.deviceId };
        } catch (e) {
          ended = { state: 'failed', text: this.options.failureText(e, next.label) };
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

  /** Drops the oldest ended scans beyond the limit; never one still pending, never an unacknowledged failure. */
  private prune(): void {
    const keep = this.options.keepEnded ?? KEEP_ENDED;
    const mayGo = (i: ScanItem) => i.state === 'done' || (i.state === 'failed' && i.acknowledged);
    let ended = this.items.filter(mayGo).length;
    if (ended <= keep) return;
    this.items = this.items.filter((i) => {
      if (!mayGo(i) || ended <= keep) return true;
      ended--;
      return false;
    });
  }

  private makeView(): QueueView {
    return {
      items: [...this.items].reverse(),
      pending: this.items.filter((i) => i.state === 'queued' || i.state === 'running').length,
      done: this.doneCount,
      failed: this.items.filter((i) => i.state === 'failed' && !i.acknowledged).length,
      last: this.last,
    };
  }
}
