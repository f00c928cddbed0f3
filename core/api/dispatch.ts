/**
 * The one entry point every transport calls: parse the input with the contract's schema, check the
 * caller's role, run the handler, and turn any failure into the error shape with a message for a person.
 */
import { ZodError } from 'zod';
import { contract, isProcedureName, type ProcedureDef } from '../../shared/contract';
import type { ApiErrorBody, ApiResult } from '../../shared/errors';
import { errorBody, issueFields, type Locale } from '../../shared/messages';
import { isActiveUser, type Department, type User } from '../../shared/schemas';
import { ANONYMOUS_ACTOR, type Actor, type Clock } from '../context';
import { AppError } from '../errors';
import type { Sessions } from '../session/sessions';
import type { Store } from '../store/store';
import type { HandlerContext, HandlerTable } from './handler-table';

/** What a transport passes with a call: the session token, and the caller's language (parsed once, by the transport). */
export interface CallMeta {
  token?: string | undefined;
  locale: Locale;
  /** The client's address as the HTTP layer saw it (sign-in limits and log, issue 13); absent over IPC. */
  address?: string | undefined;
}

export interface Dispatcher {
  (procedure: string, rawInput: unknown, meta: CallMeta): Promise<ApiResult<unknown>>;
}

/** What checking a caller needs. */
export type CallDeps = Omit<DispatcherDeps, 'table'>;

export interface DispatcherDeps {
  table: HandlerTable;
  store: Store;
  clock: Clock;
  sessions: Sessions;
  log?: (message: string, err?: unknown) => void;
}

/** Any failure as the error shape: per-field messages for a ZodError, the code of an AppError, INTERNAL otherwise. */
export function failureBody(err: unknown, locale: Locale, input?: unknown): ApiErrorBody {
  if (err instanceof ZodError) return { ...errorBody('VALIDATION', locale), fields: issueFields(err.issues, input, locale) };
  if (err instanceof AppError) return errorBody(err.code, locale, err.params, err.fields);
  return errorBody('INTERNAL', locale);
}

/** The person signed in and their administration: one read where the store offers it (getCaller), two otherwise. */
async function callerOf(store: Store, userId: string): Promise<{ user: User; department: Department | undefined } | undefined> {
  if (store.getCaller) return store.getCaller(userId);
  const user = await store.getUser(userId);
  return user && { user, department: await store.getDepartment(user.departmentId) };
}

/** What a procedure runs with once the caller is known and the input is checked. */
export interface PreparedCall {
  input: unknown;
  ctx: HandlerContext;
}

/**
 * The checks every call passes before its handler: the procedure exists, the caller may call it, the input
 * fits its schema. Shared by the dispatcher and the file dispatcher (files.ts), so a file is refused alike.
 * @throws AppError (UNKNOWN_PROCEDURE, UNAUTHENTICATED, FORBIDDEN), ZodError
 */
export async function prepareCall(deps: CallDeps, procedure: string, rawInput: unknown, meta: CallMeta): Promise<PreparedCall> {
  if (!isProcedureName(procedure)) throw new AppError('UNKNOWN_PROCEDURE', { procedure });
  const def: ProcedureDef = contract[procedure];
  // A public procedure runs for an anonymous caller: no role, and nothing it may write.
  let actor: Actor = ANONYMOUS_ACTOR;
  if (def.roles !== 'public') {
    const userId = deps.sessions.userIdFor(meta.token);
    const caller = userId === undefined ? undefined : await callerOf(deps.store, userId);
    if (!caller) throw new AppError('UNAUTHENTICATED');
    const { user } = caller;
    // A person deactivated while signed in (issue 12): their session ends at this call.
    if (!isActiveUser(user)) {
      deps.sessions.end(meta.token);
      throw new AppError('UNAUTHENTICATED');
    }
    if (def.roles !== 'any' && !def.roles.includes(user.role)) throw new AppError('FORBIDDEN', { procedure });
    actor = { kind: 'user', user, department: caller.department };
  }
  const input = def.input.parse(rawInput ?? {});
  return { input, ctx: { store: deps.store, clock: deps.clock, sessions: deps.sessions, token: meta.token, actor, locale: meta.locale, address: meta.address } };
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const log = deps.log ?? ((m, e) => console.error(`[kredslob] ${m}`, e ?? ''));
  return async (procedure, rawInput, meta) => {
    const { locale } = meta;
    try {
      const { input, ctx } = await prepareCall(deps, procedure, rawInput, meta);
      const def: ProcedureDef = contract[procedure as keyof typeof contract]; // why: prepareCall checked the name
      const handler = deps.table[procedure as keyof HandlerTable] as (i: unknown, c: unknown) => Promise<unknown>; // why: input parsed by this procedure's own schema
      const output = await handler(input, ctx);
      const checked = def.output.safeParse(output);
      if (!checked.success) {
        // A handler returned something outside the contract: our bug, not the caller's input.
        throw new Error(`${procedure} returned output outside the contract: ${checked.error.message}`);
      }
      return { ok: true, data: checked.data };
    } catch (err) {
      const body = failureBody(err, locale, rawInput);
      if (body.code === 'INTERNAL') log(`${procedure} failed`, err);
      return { ok: false, error: body };
    }
  };
}
