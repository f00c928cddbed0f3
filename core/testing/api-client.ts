/**
 * Many desks against one server (issue 13: the reservation race test, bench:server): each client is one person
 * with their own session and their own keep-alive connection, as 50 desks would have. A call can be prepared
 * (its head sent, the server waiting for the body) and released later, so many clients' calls released in one
 * loop reach the server at the same instant.
 */
import http from 'node:http';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import type { User } from '../../shared/schemas';

/** A call's answer: the HTTP status, the transport's body, and the time from release to the whole body read. */
export interface Reply<T> {
  status: number;
  body: ApiResult<T>;
  ms: number;
}

/** A call whose head is on the wire; `release` sends its body and resolves with the answer. */
export interface PreparedCall<T> {
  release(): Promise<Reply<T>>;
}

export class ApiClient {
  /** One connection per client: a desk does one thing at a time. */
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private token: string | undefined;
  private readonly url: URL;

  constructor(
    base: string,
    private readonly secret: string,
    readonly locale: 'da' | 'en' = 'da',
    /** The desk's own address, sent as X-Forwarded-For (a server with KREDSLOB_TRUST_PROXY=1 limits sign-ins per address). */
    private readonly address?: string,
  ) {
    this.url = new URL(base);
  }

  /** The session this client sends as its bearer token from now on. */
  useToken(token: string): void {
    this.token = token;
  }

  prepare<P extends ProcedureName>(procedure: P, input: ProcedureInput<P>): PreparedCall<ProcedureOutput<P>> {
    const body = Buffer.from(JSON.stringify(input));
    const req = http.request({
      host: this.url.hostname,
      port: this.url.port,
      path: `/api/${procedure}`,
      method: 'POST',
      agent: this.agent,
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        'x-kredslob-secret': this.secret,
        'accept-language': this.locale,
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(this.address ? { 'x-forwarded-for': this.address } : {}),
      },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      let gotResponse = false;
      // staleSocket: the error came on a kept-alive connection before any answer (see call).
      const fail = (err: Error) => reject(Object.assign(new Error(`${procedure}: ${err.message}`, { cause: err }), { staleSocket: req.reusedSocket && !gotResponse }));
      req.on('response', (res) => {
        gotResponse = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      });
      req.on('error', fail);
    });
    req.flushHeaders();
    return {
      release: async () => {
        const t0 = performance.now();
        req.end(body);
        const { status, text } = await answered;
        const ms = performance.now() - t0;
        return { status, body: JSON.parse(text) as ApiResult<ProcedureOutput<P>>, ms }; // why: the transport's documented reply shape
      },
    };
  }

  /**
   * One call. A kept-alive connection the server closed for idleness just as the call went out (Node's server
   * does after 5 s) is sent again once on a new connection, as browsers do (Node's docs on
   * request.reusedSocket): the server never read that request, so nothing is done twice.
   */
  async call<P extends ProcedureName>(procedure: P, input: ProcedureInput<P>): Promise<Reply<ProcedureOutput<P>>> {
    try {
      return await this.prepare(procedure, input).release();
    } catch (err) {
      if (!(err instanceof Error && 'staleSocket' in err && err.staleSocket === true)) throw err;
      return this.prepare(procedure, input).release();
    }
  }

  /** Calls `procedure` and returns its data; throws with the core's code and message if it is refused. */
  async data<P extends ProcedureName>(procedure: P, input: ProcedureInput<P>): Promise<ProcedureOutput<P>> {
    const reply = await this.call(procedure, input);
    if (!reply.body.ok) throw new Error(`${procedure}: ${reply.body.error.code} ${reply.body.error.message}`);
    return reply.body.data;
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Signs `client` in as `user` and keeps the session. THE one place a client signs in: today the standalone
 * profile pick (session.signIn { userId }); in shared mode this becomes auth.signIn { email, password }.
 */
export async function signInClient(client: ApiClient, user: Pick<User, 'id' | 'email'>): Promise<void> {
  const { token } = await client.data('session.signIn', { userId: user.id });
  client.useToken(token);
}

/** Shared mode (issue 13, bench:server): signs `client` in with e-mail and password (auth.signIn) and keeps the session. */
export async function signInWithPassword(client: ApiClient, email: string, password: string): Promise<void> {
  const { token } = await client.data('auth.signIn', { email, password });
  client.useToken(token);
}

/**
 * Adds `count` people of `role` through the admin procedure users.save, spread in turn over `departmentIds`,
 * each named with `label` and a number (e-mails are unique). `admin` is a client signed in as an admin.
 */
export async function addPeople(
  admin: ApiClient,
  options: { count: number; role: User['role']; departmentIds: readonly string[]; label: string },
): Promise<User[]> {
  const people: User[] = [];
  for (let i = 0; i < options.count; i++) {
    const n = String(i + 1).padStart(2, '0');
    people.push(
      await admin.data('users.save', {
        name: `${options.label} ${n}`,
        email: `${options.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${n}@kk.example`,
        role: options.role,
        departmentId: options.departmentIds[i % options.departmentIds.length]!,
      }),
    );
  }
  return people;
}

/** A signed-in client for each of `people`. */
export async function signedInClients(base: string, secret: string, people: readonly User[]): Promise<ApiClient[]> {
  return Promise.all(
    people.map(async (person) => {
      const client = new ApiClient(base, secret);
      await signInClient(client, person);
      return client;
    }),
  );
}
