import { describe, expect, it } from 'vitest';
import { ScanQueue, type ScanDone, type ScanItem } from './scan-queue';

/** A job that finishes when the test says so, so the order of running can be observed. */
function deferred() {
  let resolve!: (d: ScanDone) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<ScanDone>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function queue(keepEnded = 8, ended: ScanItem[] = []) {
  return new ScanQueue({
    failureText: (e, label) => `${label}: ${e instanceof Error ? e.message : 'unknown'}`,
    onEnded: (i) => ended.push(i),
    keepEnded,
  });
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => `KK-${String(i + 1).padStart(7, '0')}`);

describe('scan queue', () => {
  it('runs scans one at a time, in the order they were scanned', async () => {
    const q = queue(50);
    const started: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    for (const tag of tags(20)) {
      q.add(tag, async () => {
        started.push(tag);
        mostAtOnce = Math.max(mostAtOnce, ++running);
        // Later scans answer faster: a queue that ran them together would finish out of order.
        await new Promise((r) => setTimeout(r, 20 - started.length));
        running--;
        return { text: `ok ${tag}` };
      });
    }
    expect(q.view().pending).toBe(20);
    await q.idle();
    expect(started).toEqual(tags(20));
    expect(mostAtOnce).toBe(1);
    const v = q.view();
    expect(v.done).toBe(20);
    expect(v.pending).toBe(0);
    expect(v.items.map((i) => i.label)).toEqual(tags(20).reverse());
    expect(v.items.every((i) => i.state === 'done')).toBe(true);
    expect(v.last?.label).toBe('KK-0000020');
  });

  it('shows a scan as queued, then running, then done', async () => {
    const q = queue();
    const first = deferred();
    const second = deferred();
    q.add('KK-0000001', () => first.promise);
    q.add('KK-0000002', () => second.promise);
    const state = () => q.view().items.map((i) => `${i.label}:${i.state}`);
    expect(state()).toEqual(['KK-0000002:queued', 'KK-0000001:running']);
    first.resolve({ text: 'one', deviceId: 'd1' });
    await new Promise((r) => setTimeout(r, 0));
    expect(state()).toEqual(['KK-0000002:running', 'KK-0000001:done']);
    expect(q.view().items[1]?.deviceId).toBe('d1');
    second.resolve({ text: 'two' });
    await q.idle();
    expect(state()).toEqual(['KK-0000002:done', 'KK-0000001:done']);
  });

  it('a failed scan ends with its own reason and the next scan still runs', async () => {
    const ended: ScanItem[] = [];
    const q = queue(8, ended);
    q.add('KK-0000001', async () => ({ text: 'ok 1' }));
    q.add('KK-9999999', async () => {
      throw new Error('Enheden blev ikke fundet: KK-9999999.');
    });
    q.add('KK-0000003', async () => ({ text: 'ok 3' }));
    await q.idle();
    expect(ended.map((i) => [i.label, i.state, i.text])).toEqual([
      ['KK-0000001', 'done', 'ok 1'],
      ['KK-9999999', 'failed', 'KK-9999999: Enheden blev ikke fundet: KK-9999999.'],
      ['KK-0000003', 'done', 'ok 3'],
    ]);
    expect(q.view().failed).toBe(1);
    expect(q.view().done).toBe(2);
  });

  it('keeps only the last few successes, but never drops a failure that has not been acknowledged', async () => {
    const q = queue(3);
    const all = tags(20);
    for (const [i, tag] of all.entries()) {
      q.add(tag, async () => {
        if (i === 1 || i === 4) throw new Error('nope');
        return { text: 'ok' };
      });
    }
    await q.idle();
    let v = q.view();
    expect(v.done).toBe(18);
    expect(v.failed).toBe(2);
    expect(v.items.map((i) => `${i.label}:${i.state}`)).toEqual([
      'KK-0000020:done',
      'KK-0000019:done',
      'KK-0000018:done',
      'KK-0000005:failed',
      'KK-0000002:failed',
    ]);

    // Acknowledged, the failures count no more and make way for newer scans.
    q.acknowledge();
    v = q.view();
    expect(v.failed).toBe(0);
    expect(v.items.filter((i) => i.state === 'failed').every((i) => i.acknowledged)).toBe(true);
    q.add('KK-0000021', async () => ({ text: 'ok' }));
    await q.idle();
    expect(q.view().items.map((i) => i.label)).toEqual(['KK-0000021', 'KK-0000020', 'KK-0000019']);
  });

  it('a failure after an acknowledgement is counted again', async () => {
    const q = queue();
    q.add('KK-0000001', () => Promise.reject(new Error('a')));
    await q.idle();
    q.acknowledge();
    expect(q.view().failed).toBe(0);
    q.add('KK-0000002', () => Promise.reject(new Error('b')));
    await q.idle();
    expect(q.view().failed).toBe(1);
    expect(q.view().items[0]).toMatchObject({ label: 'KK-0000002', state: 'failed', text: 'KK-0000002: b', acknowledged: false });
  });

  it('tells its subscribers about every change, with a new view object each time', async () => {
    const q = queue();
    const seen: number[] = [];
    const off = q.subscribe(() => seen.push(q.view().pending));
    const before = q.view();
    q.add('KK-0000001', async () => ({ text: 'ok' }));
    await q.idle();
    off();
    expect(q.view()).not.toBe(before);
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(0);
    const count = seen.length;
    q.add('KK-0000002', async () => ({ text: 'ok' }));
    await q.idle();
    expect(seen.length).toBe(count);
  });
});
