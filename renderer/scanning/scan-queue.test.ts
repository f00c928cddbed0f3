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

describe('undo of the last scan', () => {
  /** A station whose action moves a tag onto a shelf and whose inverse takes it off again. */
  function station() {
    const onShelf: string[] = [];
    const q = queue();
    const scan = (tag: string) =>
      q.add(tag, async () => {
        onShelf.push(tag);
        return {
          text: `moved ${tag}`,
          undo: async () => {
            onShelf.splice(onShelf.indexOf(tag), 1);
            return { text: `moved ${tag} back` };
          },
        };
      });
    return { q, onShelf, scan };
  }

  it('takes back the newest scan, keeps both rows, and says the scan was undone', async () => {
    const { q, onShelf, scan } = station();
    scan('KK-0000001');
    scan('KK-0000002');
    await q.idle();
    expect(q.view().undoable?.label).toBe('KK-0000002');

    expect(q.undoLast()).toBeDefined();
    await q.idle();

    expect(onShelf).toEqual(['KK-0000001']);
    const v = q.view();
    expect(v.items.map((i) => [i.kind, i.label, i.state, i.undo])).toEqual([
      ['undo', 'KK-0000002', 'done', undefined],
      ['scan', 'KK-0000002', 'done', 'undone'],
      ['scan', 'KK-0000001', 'done', 'available'],
    ]);
    expect(v.last).toMatchObject({ kind: 'undo', text: 'moved KK-0000002 back' });
    expect(v.done).toBe(1);
    // Pressed again, it goes one scan further back; then there is nothing left to take back.
    expect(v.undoable?.label).toBe('KK-0000001');
    q.undoLast();
    await q.idle();
    expect(onShelf).toEqual([]);
    expect(q.view().undoable).toBeUndefined();
    expect(q.undoLast()).toBeUndefined();
  });

  it('never takes the same scan back twice, even when pressed twice before the first undo has run', async () => {
    const { q, onShelf, scan } = station();
    const slow = deferred();
    scan('KK-0000001');
    scan('KK-0000002');
    await q.idle();
    q.add('KK-0000003', () => slow.promise);
    // The undo waits behind the scan still running and takes back the newest scan done when it was pressed.
    q.undoLast();
    q.undoLast();
    expect(q.view().items.filter((i) => i.kind === 'undo').map((i) => i.label)).toEqual(['KK-0000001', 'KK-0000002']);
    slow.resolve({ text: 'ok 3' });
    await q.idle();
    expect(onShelf).toEqual([]);
    expect(q.view().undoable).toBeUndefined();
  });

  it('offers nothing to take back at a station whose action has no inverse', async () => {
    const q = queue();
    q.add('KK-0000001', async () => ({ text: 'checked in' }));
    await q.idle();
    expect(q.view().items[0]?.undo).toBeUndefined();
    expect(q.view().undoable).toBeUndefined();
    expect(q.undoLast()).toBeUndefined();
    expect(q.view().items).toHaveLength(1);
  });

  it('a failed undo is a failure with its reason, and the scan can be taken back again', async () => {
    const q = queue();
    let refuse = true;
    q.add('KK-0000001', async () => ({
      text: 'moved',
      undo: async () => {
        if (refuse) throw new Error('moved by someone else since');
        return { text: 'moved back' };
      },
    }));
    await q.idle();
    q.undoLast();
    await q.idle();
    expect(q.view().failed).toBe(1);
    expect(q.view().last).toMatchObject({ kind: 'undo', state: 'failed', text: 'KK-0000001: moved by someone else since' });
    expect(q.view().undoable?.label).toBe('KK-0000001');
    refuse = false;
    q.undoLast();
    await q.idle();
    expect(q.view().items.find((i) => i.kind === 'scan')?.undo).toBe('undone');
  });

  it('cannot reach a scan that has left the list', async () => {
    const ended: ScanItem[] = [];
    const q = queue(2, ended);
    const undone: string[] = [];
    for (const tag of tags(3)) {
      q.add(tag, async () => ({ text: tag, undo: async () => (undone.push(tag), { text: `${tag} back` }) }));
    }
    await q.idle();
    for (let i = 0; i < 3; i++) q.undoLast();
    await q.idle();
    // Two rows are kept: the newest scan is taken back, the oldest had already gone from view.
    expect(undone).toEqual(['KK-0000003', 'KK-0000002']);
  });

  it('clears the list for a fresh start; the scans before cannot be taken back', async () => {
    const { q, onShelf, scan } = station();
    scan('KK-0000001');
    q.add('KK-0000666', () => Promise.reject(new Error('unknown')));
    await q.idle();
    q.clear();
    const v = q.view();
    expect(v.done).toBe(0);
    expect(v.last).toBeUndefined();
    expect(v.undoable).toBeUndefined();
    // The failure not yet acknowledged stays until the person has seen it.
    expect(v.items.map((i) => i.label)).toEqual(['KK-0000666']);
    expect(q.undoLast()).toBeUndefined();
    expect(onShelf).toEqual(['KK-0000001']);
  });
});

describe('scans that did not reach the core (issue 13)', () => {
  class Unreachable extends Error {}
  function offlineQueue() {
    return new ScanQueue({
      failureText: (e, label) => `${label}: ${e instanceof Error ? e.message : 'unknown'}`,
      notSent: (e) => e instanceof Unreachable,
    });
  }

  it('are failed and not done, stay through acknowledging, and are sent again in scan order by resend', async () => {
    const q = offlineQueue();
    let serverUp = true;
    const ran: string[] = [];
    const job = (tag: string) => async () => {
      if (!serverUp) throw new Unreachable('Serveren kan ikke nås');
      ran.push(tag);
      return { text: `ok ${tag}` };
    };
    q.add('KK-0000001', job('KK-0000001'));
    await q.idle();
    serverUp = false;
    for (const tag of ['KK-0000002', 'KK-0000003']) q.add(tag, job(tag));
    q.add('KK-0000004', () => Promise.reject(new Error('Enheden blev ikke fundet')));
    await q.idle();
    let v = q.view();
    expect(v.done).toBe(1);
    expect(v.unsent).toBe(2);
    expect(v.failed).toBe(1);
    expect(v.items.filter((i) => i.unsent).map((i) => [i.label, i.state, i.text])).toEqual([
      ['KK-0000003', 'failed', 'KK-0000003: Serveren kan ikke nås'],
      ['KK-0000002', 'failed', 'KK-0000002: Serveren kan ikke nås'],
    ]);

    q.acknowledge();
    expect(q.view().failed).toBe(0);
    expect(q.view().unsent).toBe(2);

    serverUp = true;
    expect(q.resend()).toBe(2);
    await q.idle();
    v = q.view();
    expect(ran).toEqual(['KK-0000001', 'KK-0000002', 'KK-0000003']);
    expect(v.done).toBe(3);
    expect(v.unsent).toBe(0);
    expect(v.items.find((i) => i.label === 'KK-0000003')?.state).toBe('done');
    // A refusal by the core is not "not sent": resend leaves it alone.
    expect(q.resend()).toBe(0);
    expect(v.items.find((i) => i.label === 'KK-0000004')?.state).toBe('failed');
  });

  it('a scan sent again that still cannot reach the core stays not sent', async () => {
    const q = offlineQueue();
    q.add('KK-0000001', () => Promise.reject(new Unreachable('nede')));
    await q.idle();
    q.resend();
    await q.idle();
    expect(q.view().unsent).toBe(1);
    expect(q.view().done).toBe(0);
  });

  it('are kept however many scans follow', async () => {
    const q = new ScanQueue({ failureText: () => 'x', notSent: () => true, keepEnded: 2 });
    q.add('KK-9000001', () => Promise.reject(new Error('nede')));
    await q.idle();
    for (const tag of tags(10)) q.add(tag, async () => ({ text: tag }));
    await q.idle();
    expect(q.view().items.filter((i) => i.unsent).map((i) => i.label)).toEqual(['KK-9000001']);
    expect(q.view().items).toHaveLength(3);
  });
});
