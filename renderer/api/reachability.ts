/**
 * Whether the server answers, as the person should see it: down from the first call that could not reach it
 * (SERVER_UNREACHABLE), up again at the first answer of any kind. While down, a light question (`auth.methods`,
 * which needs no session) goes out every few seconds, so the banner goes away by itself when the server is back
 * even if the person is waiting rather than clicking. Over IPC the core is in the same app and never "down".
 */
import type { ApiResult } from '../../shared/errors';
import type { Transport } from './transport';

/** How often the server is asked again while it does not answer. */
export const RETRY_EVERY_MS = 5_000;

export class ServerReachability {
  private down = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly listeners = new Set<() => void>();

  /** `ask` is the light question put to the server while it is down; its answer is reported like any other. */
  constructor(
    private readonly ask: () => Promise<unknown>,
    private readonly retryEveryMs = RETRY_EVERY_MS,
  ) {}

  /** True while the last answer was that the server could not be reached (for useSyncExternalStore). */
  isDown = (): boolean => this.down;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every call's result passes here on its way back. */
  saw(result: ApiResult<unknown>): void {
    const down = !result.ok && result.error.code === 'SERVER_UNREACHABLE';
    if (down === this.down) return;
    this.down = down;
    if (down) this.timer ??= setInterval(() => void this.ask().catch(() => undefined), this.retryEveryMs);
    else {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    for (const l of [...this.listeners]) l();
  }
}

/** `transport`, reporting every answer to `reachability`. */
export function watchReachability(transport: Transport, reachability: ServerReachability): Transport {
  const seen = <T>(result: ApiResult<T>): ApiResult<T> => {
    reachability.saw(result);
    return result;
  };
  return {
    name: transport.name,
    call: async (procedure, input, meta) => seen(await transport.call(procedure, input, meta)),
    photo: async (deviceId, sha256, meta) => seen(await transport.photo(deviceId, sha256, meta)),
    saveFile: async (procedure, input, meta, onProgress) => seen(await transport.saveFile(procedure, input, meta, onProgress)),
  };
}
