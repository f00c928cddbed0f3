/**
 * A tiny OpenID Connect identity provider for tests (issue 13, wt-oidc): discovery, its signing keys, an authorize
 * endpoint that signs in `person` at once (no login page) and sends the browser back with a code, and a token
 * endpoint that checks the client's secret, the code (once) and the PKCE verifier and returns an ID token signed
 * with jose.
 *
 * why a mock: the municipality's identity provider is external; this one speaks the same protocol over real HTTP,
 * so the server's flow and openid-client's checks run as they do in production. `tamper` makes it misbehave the
 * ways a test must see refused: an ID token with another nonce, or signed by a key that is not in its key set.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface MockPerson {
  sub: string;
  email: string;
  name?: string;
  groups?: string[];
}

export interface MockIdp {
  /** http://127.0.0.1:<port>/idp (a path, as real providers' issuers have: a bare origin's URL gains a trailing slash) */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Who signs in at the next authorize request. */
  person: MockPerson;
  /** How the next ID tokens misbehave: none, another nonce, or signed by a key outside the key set. */
  tamper: 'none' | 'nonce' | 'key';
  /** Authorize requests seen, with their query (to check PKCE, scope, state and nonce were sent). */
  readonly authorizeRequests: URLSearchParams[];
  close(): Promise<void>;
}

interface Grant {
  person: MockPerson;
  nonce: string;
  challenge: string;
  redirectUri: string;
}

const KID = 'mock-key-1';

async function signingKey(): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' } };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** Starts the provider on a free port of 127.0.0.1. */
export async function startMockIdp(options: { person: MockPerson; clientId?: string; clientSecret?: string }): Promise<MockIdp> {
  const clientId = options.clientId ?? 'kredslob';
  const clientSecret = options.clientSecret ?? 'mock-client-secret';
  const good = await signingKey();
  const other = await signingKey();
  const grants = new Map<string, Grant>();
  let issuer = '';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => json(res, 500, { error: 'server_error', error_description: String(err) }));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuer);
    const pathname = url.pathname.replace(/^\/idp/, '');
    if (pathname === '/.well-known/openid-configuration') {
      json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        scopes_supported: ['openid', 'email', 'profile'],
      });
      return;
    }
    if (pathname === '/jwks') {
      json(res, 200, { keys: [good.jwk] });
      return;
    }
    if (pathname === '/authorize') {
      const q = url.searchParams;
      idp.authorizeRequests.push(q);
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !redirectUri) {
        json(res, 400, { error: 'invalid_request' });
        return;
      }
      const code = randomBytes(16).toString('base64url');
      grants.set(code, { person: idp.person, nonce: q.get('nonce') ?? '', challenge: q.get('code_challenge') ?? '', redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      back.searchParams.set('iss', issuer);
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (pathname === '/token' && req.method === 'POST') {
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const [id, secret] = Buffer.from(basic ?? '', 'base64').toString('utf8').split(':').map(decodeURIComponent);
      if (id !== clientId || secret !== clientSecret) {
        json(res, 401, { error: 'invalid_client' });
        return;
      }
      const form = await readForm(req);
      const code = form.get('code') ?? '';
      const grant = grants.get(code);
      grants.delete(code);
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (form.get('grant_type') !== 'authorization_code' || !grant || grant.challenge !== challenge || grant.redirectUri !== form.get('redirect_uri')) {
        json(res, 400, { error: 'invalid_grant' });
        return;
      }
      const { sub, ...claims } = grant.person;
      const key = idp.tamper === 'key' ? other.privateKey : good.privateKey;
      const idToken = await new SignJWT({ ...claims, nonce: idp.tamper === 'nonce' ? 'another-nonce' : grant.nonce })
        .setProtectedHeader({ alg: 'RS256', kid: KID })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
      json(res, 200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
      return;
    }
    json(res, 404, { error: 'not_found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/idp`; // why: listening on TCP, so the address is an AddressInfo
  const idp: MockIdp = {
    issuer,
    clientId,
    clientSecret,
    person: options.person,
    tamper: 'none',
    authorizeRequests: [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return idp;
}
