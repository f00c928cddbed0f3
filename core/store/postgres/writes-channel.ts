/**
 * Device writes by other server processes on the same database, as PostgreSQL notifications (LISTEN/NOTIFY).
 * The search counts (search-counts.ts) are kept in each process and moved by its own commits; a commit of
 * another process reaches them only through this channel: every transaction that writes a device sends
 * `pg_notify(CHANNEL, <its process's id>)`, which PostgreSQL delivers when (and only if) it commits, and every
 * other process forgets its kept counts on hearing it. While the listening connection is down nothing can be
 * heard, so the counts are not kept at all (each search counts afresh) until it is back.
 *
 * A connection can also stop delivering without closing (a firewall's idle timeout, a half-open TCP connection),
 * and then nothing says so. So the channel checks itself: every `pingMs` it notifies a channel only this process
 * listens on, through the listening connection, and a check not echoed by the next one counts as the connection
 * lost. What was kept is then never more than two intervals behind another process's commit.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const DEVICE_WRITES_CHANNEL = 'kredslob_device_writes';

/** The listening connection's application_name, by which pg_stat_activity shows it. */
export const WRITES_CHANNEL_APPLICATION = 'kredslob-writes-channel';

/** How often the listening connection checks itself (see above). */
export const CHANNEL_PING_MS = 2000;

/** How long a goodbye may take before the connection is cut: a silent one never answers it. */
const END_WAIT_MS = 1000;

/** Ends `client`: politely, or by closing its socket when no answer comes (a half-open connection). */
async function endNow(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<'waited'>((resolve) => (timer = setTimeout(() => resolve('waited'), END_WAIT_MS)));
  const how = await Promise.race([client.end().then(() => 'ended' as const, () => 'ended' as const), waited]);
  clearTimeout(timer);
  // why the cast: pg's Client has its socket in `connection.stream`, which its types do not show
  if (how === 'waited') (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/** How long to wait before listening again after the connection was lost (doubling, up to the last). */
const RETRY_MS = [250, 500, 1000, 2000, 5000];

export interface WritesChannelEvents {
  /** Another process committed device writes, or we were not listening for a while: kept counts may be wrong. */
  othersWrote(): void;
  /** Whether we are listening now: counts may be kept only while we are. */
  listening(on: boolean): void;
}

export class WritesChannel {
  /** This process's (this store's) id, the payload of its notifications, so it does not react to its own. */
  readonly id = randomUUID();
  private client: pg.Client | undefined;
  private closed = false;
  private retry = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The liveness check's own channel: only this process listens on it, so no other process reads its checks. */
  private readonly pingChannel = `kredslob_alive_${this.id.replaceAll('-', '')}`;
  private pingTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly events: WritesChannelEvents,
    private readonly pingMs = CHANNEL_PING_MS,
  ) {}

  /** Starts listening; resolves once listening (or once the first attempt failed: it retries on its own). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** pg_notify's arguments for this process's notification: every statement that writes a device sends it. */
  readonly notification: readonly [channel: string, payload: string] = [DEVICE_WRITES_CHANNEL, this.id];

  /** The notification as a statement of its own, for writes outside a transaction (import, clearing). */
  notifyStatement(): { text: string; values: string[] } {
    return { text: 'SELECT pg_notify($1, $2)', values: [...this.notification] };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.pingTimer);
    const c = this.client;
    this.client = undefined;
    if (c) await endNow(c);
  }

  private async connect(): Promise<void> {
    // A connection that opens (or LISTENs) but never answers must fail, and be tried again, not wait for ever.
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: WRITES_CHANNEL_APPLICATION,
      connectionTimeoutMillis: 5000,
      query_timeout: 5000,
      keepAlive: true,
    });
    // A lost connection: not listening until a new one is; what others wrote meanwhile is unknown.
    const lost = (why: string) => {
      if (this.client !== client) return;
      if (!this.closed) console.error('[kredslob] PostgreSQL notification connection lost', why);
      this.client = undefined;
      clearInterval(this.pingTimer);
      this.events.listening(false);
      this.events.othersWrote();
      this.later();
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('connection ended'));
    let echoed = true;
    client.on('notification', (n) => {
      if (n.channel === this.pingChannel) echoed = true;
      else if (n.channel === DEVICE_WRITES_CHANNEL && n.payload !== this.id) this.events.othersWrote();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DEVICE_WRITES_CHANNEL}; LISTEN ${this.pingChannel}`);
    } catch (err) {
      await endNow(client);
      if (!this.closed) console.error('[kredslob] PostgreSQL notifications unavailable, retrying', err instanceof Error ? err.message : String(err));
      this.later();
      return;
    }
    if (this.closed) {
      await endNow(client);
      return;
    }
    this.client = client;
    this.retry = 0;
    this.pingTimer = setInterval(() => {
      if (!echoed) {
        // After what has arrived is read: a long synchronous job here may have held the echo back, not the connection.
        setImmediate(() => {
          if (echoed || this.client !== client) return;
          lost(`no answer to its check within ${this.pingMs} ms`);
          void endNow(client);
        });
        return;
      }
      echoed = false;
      // A failure is the connection's error or end, handled above.
      client.query("SELECT pg_notify($1, '')", [this.pingChannel]).catch(() => undefined);
    }, this.pingMs);
    this.pingTimer.unref();
    // Writes committed before LISTEN took effect were not heard: start from nothing kept.
    this.events.othersWrote();
    this.events.listening(true);
  }

  private later(): void {
    if (this.closed) return;
    const ms = RETRY_MS[Math.min(this.retry++, RETRY_MS.length - 1)]!;
    this.timer = setTimeout(() => void this.connect(), ms);
    this.timer.unref();
  }
}
