/**
 * Sign-in through the municipality's identity provider with OpenID Connect (issue 13, wt-oidc): the authorization
 * code flow with PKCE, state and nonce, by openid-client. The state, the PKCE verifier and the nonce stay on the
 * server, for ten minutes and one use; the ID token's signature, issuer, audience, expiry and nonce are checked by
 * the library. The person is found by e-mail (or created on their first sign-in) and gets the role and
 * administration the sign-in group table maps their groups to, at every sign-in (the last active admin keeps the
 * admin role). Every outcome is written to the
 * sign-in audit log with method 'oidc'.
 */
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import { z } from 'zod';
import { isActiveUser, type User } from '../../shared/schemas';
import { recordAdminChange } from '../admin/audit';
import { otherActiveAdmins } from '../admin/reference';
import { SYSTEM_ACTOR, type Clock } from '../context';
import { AppError } from '../errors';
import type { Sessions } from '../session/sessions';
import type { Store } from '../store/store';
import { mappingFor } from './oidc-groups';
import { emailKey, logAuth, recordAuth, userByEmail, type SignInContext } from './service';

/** Sign-in through the identity provider, as configured by the environment (core/http/server-config.ts). */
export interface OidcSettings {
  /** The issuer's URL: its discovery document is at /.well-known/openid-configuration under it. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The button's text: "Log ind med {name}". */
  name: string;
  /** The ID token claim that lists the person's groups. */
  groupsClaim: string;
  /** KREDSLOB_PUBLIC_URL + /auth/oidc/callback: what is registered at the identity provider. */
  redirectUri: URL;
}

/** How long a started sign-in may take at the identity provider (typing a password, a second factor). */
export const PENDING_MS = 10 * 60_000;
/** Started sign-ins kept at most: someone opening /auth/oidc/start in a loop cannot grow memory without end. */
const MAX_PENDING = 10_000;

interface Pending {
  verifier: string;
  nonce: string;
  expires: number;
}

/** What the identity provider says about the person, from the verified ID token. */
export interface OidcIdentity {
  email: string;
  name: string | undefined;
  groups: string[];
}

const Email = z.string().trim().email().max(200);

/** The groups claim as a list: an array of strings, or one string. */
function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/** The person's identity from the ID token's claims; undefined when it names no usable e-mail. */
export function identityOf(claims: Record<string, unknown>, groupsClaim: string): OidcIdentity | undefined {
  const email = Email.safeParse(claims.email);
  if (!email.success) return undefined;
  const given = [claims.given_name, claims.family_name].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : given || undefined;
  return { email: email.data, name: name?.slice(0, 200), groups: groupsOf(claims[groupsClaim]) };
}

/**
 * Signs in the person the identity provider vouched for: found by e-mail ignoring case or created, their role,
 * administration and unit set from the sign-in group table; a session is started.
 * @throws USER_INACTIVE (deactivated), OIDC_NO_GROUP (no row of the table names one of their groups; nothing saved)
 */
export async function signInWithIdentity(ctx: SignInContext, who: OidcIdentity): Promise<{ user: User; token: string }> {
  const base = { email: who.email, address: ctx.address, method: 'oidc' as const };
  const known = await userByEmail(ctx, who.email);
  const named = known ? { userId: known.id, userName: known.name } : {};
  if (known && !isActiveUser(known)) {
    await logAuth(ctx, { ...base, ...named, event: 'refused_inactive' });
    throw new AppError('USER_INACTIVE', { person: known.name });
  }
  const row = mappingFor(await ctx.store.listOidcGroups(), who.groups);
  if (!row) {
    await logAuth(ctx, { ...base, ...named, event: 'refused_no_group' });
    throw new AppError('OIDC_NO_GROUP');
  }
  // A unit removed since the row was saved, or moved to another administration, is left out rather than refusing the person.
  const unit = row.unitId === undefined ? undefined : (await ctx.store.listUnits()).find((u) => u.id === row.unitId && u.departmentId === row.departmentId);
  const user = await ctx.store.transaction(async (tx) => {
    // The last active admin stays one, as users.save refuses to demote them (LAST_ADMIN): else a group table
    // edited by mistake would leave nobody able to administer Kredsløb, not even to put the table right. The
    // rest of the mapping applies. Decided inside the transaction, as users.save decides it.
    const keepsAdmin = known?.role === 'admin' && row.role !== 'admin' && otherActiveAdmins(await ctx.store.listUsers(), known.id) === 0;
    const role = keepsAdmin ? 'admin' : row.role;
    const mapped = { role, departmentId: row.departmentId, ...(unit ? { unitId: unit.id } : {}) };
    const user: User = known
      ? {
          ...withoutUnit(known),
          ...mapped,
          // An approver approves for their administration as its IT contact; a new role or administration ends that.
          ...(known.approver !== undefined ? { approver: known.approver && role === 'department_contact' && known.departmentId === row.departmentId } : {}),
        }
      : { id: randomUUID(), name: who.name ?? who.email, email: emailKey(who.email), ...mapped };
    tx.putUser(user);
    // Written as the system's change: the table decided it, not an admin at a screen.
    recordAdminChange(tx, { ...ctx, actor: SYSTEM_ACTOR }, { subject: 'user', subjectId: user.id, subjectName: user.name, action: known ? 'changed' : 'created', before: known, after: user, skip: ['id'] });
    recordAuth(tx, ctx, { ...base, userId: user.id, userName: user.name, event: 'signed_in' });
    return user;
  });
  return { user, token: ctx.sessions.start(user.id) };
}

function withoutUnit(user: User): User {
  const { unitId: _unit, ...rest } = user;
  return rest;
}

/** What the flow needs from the core. */
export interface OidcDeps {
  store: Store;
  clock: Clock;
  sessions: Sessions;
}

/** One server's sign-in through the identity provider: starts flows and finishes them at the callback. */
export class OidcSignIn {
  private config: Promise<client.Configuration> | undefined;
  private readonly pending = new Map<string, Pending>();

  constructor(
    readonly settings: OidcSettings,
    private readonly deps: OidcDeps,
  ) {}

  /** The provider's configuration by discovery, fetched once; a failed fetch is tried again at the next sign-in. */
  configuration(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    this.config ??= client
      .discovery(issuer, clientId, clientSecret, client.ClientSecretBasic(clientSecret), {
        // The ID token's signature is checked against the provider's keys too, not only trusted for coming over TLS.
        // Plain http only for a provider on this machine (server-config.ts allows no other).
        execute: [client.enableNonRepudiationChecks, ...(issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [])],
      })
      .catch((err: unknown) => {
        this.config = undefined;
        throw err;
      });
    return this.config;
  }

  /**
   * Starts a sign-in: the identity provider's authorization URL to send the browser to, and the state, which the
   * caller also binds to the browser (a cookie) so that a callback link made for someone else is refused.
   * @throws OIDC_FAILED when the provider cannot be reached
   */
  async begin(): Promise<{ url: URL; state: string }> {
    let config: client.Configuration;
    try {
      config = await this.configuration();
    } catch (err) {
      throw new AppError('OIDC_FAILED', {}, `identity provider discovery failed: ${String(err)}`);
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    this.keep(state, { verifier, nonce, expires: this.deps.clock.now().getTime() + PENDING_MS });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri.href,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state };
  }

  private keep(state: string, pending: Pending): void {
    const now = this.deps.clock.now().getTime();
    for (const [key, p] of this.pending) if (p.expires <= now) this.pending.delete(key);
    while (this.pending.size >= MAX_PENDING) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
    this.pending.set(state, pending);
  }

  /**
   * Finishes a sign-in at the callback: `callback` is the URL the provider sent the browser to, `browserState`
   * the state the browser's cookie holds. The state is used up whatever the outcome.
   * @throws OIDC_FAILED (unknown, expired, replayed or foreign state; an error from the provider; a token that
   * does not verify; no e-mail), USER_INACTIVE, OIDC_NO_GROUP
   */
  async complete(callback: URL, browserState: string | undefined, address: string | undefined): Promise<{ user: User; token: string }> {
    const ctx: SignInContext = { ...this.deps, actor: { kind: 'anonymous' }, address };
    const state = callback.searchParams.get('state') ?? '';
    const pending = this.pending.get(state);
    this.pending.delete(state);
    const failed = async (detail: string, email = ''): Promise<never> => {
      await logAuth(ctx, { event: 'sign_in_failed', email, address, method: 'oidc' });
      throw new AppError('OIDC_FAILED', {}, `identity provider sign-in failed: ${detail}`);
    };
    if (!pending || pending.expires <= this.deps.clock.now().getTime()) return failed('unknown, expired or used state');
    if (browserState !== state) return failed('the state was started in another browser');
    let claims: Record<string, unknown> | undefined;
    try {
      const config = await this.configuration();
      // The library sends `callback` without its query as the redirect URI: the registered one, since the caller built it on the public URL.
      const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: pending.verifier, expectedState: state, expectedNonce: pending.nonce });
      claims = tokens.claims();
    } catch (err) {
      return failed(String(err));
    }
    const who = claims && identityOf(claims, this.settings.groupsClaim);
    if (!who) return failed('the ID token names no e-mail', typeof claims?.email === 'string' ? claims.email.slice(0, 200) : '');
    return signInWithIdentity(ctx, who);
  }
}
