/**
 * Sign-in with a local account (issue 13, shared mode): e-mail and password, limited per account and per address,
 * 10 wrong passwords in a row lock the account for 15 minutes (kept with the credential, so a restart does not
 * unlock it), and every attempt goes to the sign-in audit log. A refusal never tells whether the e-mail exists:
 * an unknown e-mail, a person without a password and a wrong password get the same answer after the same work.
 */
import { randomUUID } from 'node:crypto';
import type { ProcedureArgs } from '../../shared/contract';
import { isActiveUser, type AuthAuditEntry, type Credential, type User } from '../../shared/schemas';
import { nowIso, requireUser, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import type { Sessions } from '../session/sessions';
import type { StoreTx } from '../store/store';
import { LOCK_AFTER, LOCK_MS } from './attempts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password';

/** What a sign-in needs beyond a service context: the sessions (and their attempt counts) and the caller's address. */
export interface SignInContext extends ServiceContext {
  sessions: Sessions;
  address?: string | undefined;
}

/** How e-mails are compared: case and surrounding spaces do not count. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

type AuditFields = Omit<AuthAuditEntry, 'id' | 'at'>;

/** Writes one sign-in log entry inside the caller's transaction. */
export function recordAuth(tx: StoreTx, ctx: Pick<ServiceContext, 'clock'>, fields: AuditFields): void {
  tx.putAuthAudit({ id: `auth-${randomUUID()}`, at: nowIso(ctx.clock), ...dropUndefined(fields) });
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T; // why: the same object without its absent fields
}

/** Writes one sign-in log entry in a transaction of its own. */
export async function logAuth(ctx: ServiceContext, fields: AuditFields): Promise<void> {
  await ctx.store.transaction(async (tx) => recordAuth(tx, ctx, fields));
}

/** The person an e-mail names, ignoring case; undefined for none. */
export async function userByEmail(ctx: ServiceContext, email: string): Promise<User | undefined> {
  const key = emailKey(email);
  return (await ctx.store.listUsers()).find((u) => emailKey(u.email) === key);
}

function lockedMessage(ctx: ServiceContext, until: number): AppError {
  return new AppError('ACCOUNT_LOCKED', { minutes: Math.max(1, Math.ceil((until - ctx.clock.now().getTime()) / 60_000)) });
}

/**
 * Signs a person in with their e-mail and password and starts a session.
 * @throws RATE_LIMITED, ACCOUNT_LOCKED, SIGN_IN_FAILED (wrong e-mail or password, alike), USER_INACTIVE (right password, deactivated)
 */
export async function signIn(ctx: SignInContext, input: ProcedureArgs<'auth.signIn'>): Promise<{ user: User; token: string }> {
  const email = input.email.trim();
  const key = emailKey(email);
  const { attempts } = ctx.sessions;
  const base = { email, address: ctx.address, method: 'password' as const };
  const admitted = attempts.admit(key, ctx.address);
  if (admitted !== 'ok') {
    if (admitted === 'first') await logAuth(ctx, { ...base, event: 'rate_limited' });
    throw new AppError('RATE_LIMITED', { seconds: 60 });
  }
  const user = await userByEmail(ctx, email);
  const who = user ? { userId: user.id, userName: user.name } : {};
  const credential = user ? await ctx.store.getCredential(user.id) : undefined;
  const now = ctx.clock.now().getTime();
  const lockedUntil = credential?.lockedUntil ? Date.parse(credential.lockedUntil) : attempts.unknownLockedUntil(key);
  if (lockedUntil !== undefined && lockedUntil > now) {
    await logAuth(ctx, { ...base, ...who, event: 'refused_locked' });
    throw lockedMessage(ctx, lockedUntil);
  }
  const right = await verifyPassword(input.password, credential?.hash ?? (await dummyHash()));
  if (!right || !user || !credential) {
    const lockedNow = await ctx.store.transaction(async (tx) => {
      recordAuth(tx, ctx, { ...base, ...who, event: 'sign_in_failed' });
      let until: number | undefined;
      if (user && credential) {
        // Read again inside the transaction: wrong passwords sent at once each count.
        const current = (await tx.getCredential(user.id)) ?? credential;
        const failed = current.failedAttempts + 1;
        until = failed >= LOCK_AFTER ? ctx.clock.now().getTime() + LOCK_MS : undefined;
        tx.putCredential(until === undefined ? { ...current, failedAttempts: failed } : { ...current, failedAttempts: 0, lockedUntil: new Date(until).toISOString() });
      } else {
        until = attempts.unknownFailed(key);
      }
      if (until !== undefined) recordAuth(tx, ctx, { ...base, ...who, event: 'locked' });
      return until;
    });
    if (lockedNow !== undefined) throw lockedMessage(ctx, lockedNow);
    throw new AppError('SIGN_IN_FAILED');
  }
  if (!isActiveUser(user)) {
    await logAuth(ctx, { ...base, ...who, event: 'refused_inactive' });
    throw new AppError('USER_INACTIVE', { person: user.name });
  }
  await ctx.store.transaction(async (tx) => {
    const current = await tx.getCredential(user.id);
    if (current && (current.failedAttempts > 0 || current.lockedUntil)) {
      const { lockedUntil: _over, ...rest } = current;
      tx.putCredential({ ...rest, failedAttempts: 0 });
    }
    recordAuth(tx, ctx, { ...base, ...who, event: 'signed_in' });
  });
  return { user, token: ctx.sessions.start(user.id) };
}

/** The new credential for `password`, after checking it against the rules. @throws VALIDATION naming the field */
async function newCredential(ctx: ServiceContext, user: User, password: string, field: string): Promise<Credential> {
  const problem = passwordProblem(password, user.email);
  if (problem) throw new AppError('VALIDATION', {}, `password refused: ${problem}`, { [field]: problem });
  return { userId: user.id, hash: await hashPassword(password), changedAt: nowIso(ctx.clock), failedAttempts: 0 };
}

/**
 * An admin sets or resets a person's password; this also lifts a lock-out. Logged in the sign-in log.
 * @throws NOT_FOUND, VALIDATION (password rules)
 */
export async function setPassword(ctx: SignInContext, input: ProcedureArgs<'auth.setPassword'>): Promise<void> {
  const admin = requireUser(ctx.actor);
  const user = await ctx.store.getUser(input.userId);
  if (!user) throw notFound('user', input.userId);
  const credential = await newCredential(ctx, user, input.password, 'password');
  await ctx.store.transaction(async (tx) => {
    tx.putCredential(credential);
    recordAuth(tx, ctx, { event: 'password_set', email: user.email, userId: user.id, userName: user.name, address: ctx.address, by: admin.name });
  });
}

/**
 * A person changes their own password, giving the current one (a session left open on a desk is not enough).
 * @throws SIGN_IN_FAILED (wrong current password, named at its field), VALIDATION (password rules)
 */
export async function changePassword(ctx: SignInContext, input: ProcedureArgs<'auth.changePassword'>): Promise<void> {
  const user = requireUser(ctx.actor);
  const current = await ctx.store.getCredential(user.id);
  const right = await verifyPassword(input.currentPassword, current?.hash ?? (await dummyHash()));
  if (!right || !current) throw new AppError('SIGN_IN_FAILED', {}, 'current password wrong', { currentPassword: 'password_wrong' });
  const credential = await newCredential(ctx, user, input.newPassword, 'newPassword');
  await ctx.store.transaction(async (tx) => {
    tx.putCredential(credential);
    recordAuth(tx, ctx, { event: 'password_changed', email: user.email, userId: user.id, userName: user.name, address: ctx.address });
  });
}

/** Ends the caller's session; in shared mode the sign-out is logged with who it was. */
export async function signOut(ctx: SignInContext, token: string | undefined): Promise<void> {
  const userId = ctx.sessions.userIdFor(token);
  ctx.sessions.end(token);
  if (ctx.sessions.mode !== 'shared' || userId === undefined) return;
  const user = await ctx.store.getUser(userId);
  if (user) await logAuth(ctx, { event: 'signed_out', email: user.email, userId: user.id, userName: user.name, address: ctx.address });
}

/**
 * The first admin's password in shared mode (setup.initialize): checked and hashed before setup's transaction,
 * which keeps it under the new admin's id. @throws VALIDATION naming admin.password
 */
export async function firstPasswordHash(input: ProcedureArgs<'setup.initialize'>): Promise<string> {
  const password = input.admin.password ?? '';
  const problem = password === '' ? 'password_required' : passwordProblem(password, input.admin.email);
  if (problem) throw new AppError('VALIDATION', {}, `setup password refused: ${problem}`, { 'admin.password': problem });
  return hashPassword(password);
}
