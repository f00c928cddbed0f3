import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerReachability, watchReachability } from './reachability';
import type { Transport } from './transport';

const UNREACHABLE = { ok: false as const, error: { code: 'SERVER_UNREACHABLE' as const, message: 'Serveren kan ikke nås.' } };

afterEach(() => {
  vi.useRealTimers();
});

describe('server reachability (the banner)', () => {
  it('is down from the first unreachable answer, asks again every few seconds, and is up at the first answer', async () => {
    vi.useFakeTimers();
    let serverUp = false;
    const transport: Transport = {
      name: 'http',
      call: async () => (serverUp ? { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: 'x' } } : UNREACHABLE),
      photo: async () => UNREACHABLE,
      saveFile: async () => UNREACHABLE,
    };
    const asked: number[] = [];
    const reachability = new ServerReachability(() => {
      asked.push(Date.now());
      return watched.call('auth.methods', {}, { locale: 'da' });
    }, 5_000);
    const watched = watchReachability(transport, reachability);
    const seen: boolean[] = [];
    reachability.subscribe(() => seen.push(reachability.isDown()));

    expect(await watched.call('devices.checkIn', {}, { locale: 'da' })).toEqual(UNREACHABLE);
    expect(reachability.isDown()).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toHaveLength(2);
    expect(reachability.isDown()).toBe(true);

    // Any answer from the server, even a refusal, means it is reachable again; the asking stops.
    serverUp = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reachability.isDown()).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(asked).toHaveLength(3);
    expect(seen).toEqual([true, false]);
  });
});
