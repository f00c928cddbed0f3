/**
 * The one entry point every transport calls: parse the input with the contract's schema, check the
 * caller's role, run the handler, and turn any failure into the error shape with a message for a person.
 */
import { ZodError } from 'zod';
import { contract, isProcedureName, type ProcedureDef } from '../../shared/contract';
import type { ApiErrorBody, ApiResult } from '../../shared/errors';
import { errorMessage, fieldMessage, fieldText, type Locale } from '../../shared/messages';
import type { Actor, Clock } from '../context';
import { AppError } from '../errors';
import type { Sessions } from '../session/sessions';
import type { Store } from '../store/store';
import type { HandlerTable } from './handler-table';

export interface CallMeta {
  token?: string | undefined;
  locale?: string | undefined;
}

export interface Dispatcher {
  (procedure: string, rawInput: unknown, meta: CallMeta): Promise<ApiResult<unknown>>;
}

export interface DispatcherDeps {
  table: HandlerTable;
  store: Store;
  clock: Clock;
  sessions: Sessions;
  log?: (message: string, err?: unknown) => void;
}

export function toLocale(value: string | undefined): Locale {
  return value?.trim().toLowerCase().startsWith('en') ? 'en' : 'da';
}

export function errorBody(err: unknown, locale: Locale): ApiErrorBody {
  if (err instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) {
      const key = issue.path.map(String).join('.') || '_';
      fields[key] ??= fieldMessage(issue as Parameters<typeof fieldMessage>[0], locale); // why: zod issues carry these optional keys
    }
    return { code: 'VALIDATION', message: errorMessage('VALIDATION', {}, locale), fields };
  }
  if (err instanceof AppError) {
    const body: ApiErrorBody = { code: err.code, message: errorMessage(err.code, err.params, locale) };
    if (err.fields) {
      body.fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, fieldText(v, locale)]));
    }
    return body;
  }
  return { code: 'INTERNAL', message: errorMessage('INTERNAL', {}, locale) };
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const log = deps.log ?? ((m, e) => console.error(`[kredslob] ${m}`, e ?? ''));
  return async (procedure, rawInput, meta) => {
    const locale = toLocale(meta.locale);
    try {
      if (!isProcedureName(procedure)) throw new AppError('UNKNOWN_PROCEDURE', { procedure });
      const def: ProcedureDef = contract[procedure];
      let actor: Actor = { kind: 'system' };
      if (def.roles !== 'public') {
        const userId = deps.sessions.userIdFor(meta.token);
        const user = userId === undefined ? undefined : await deps.store.getUser(userId);
        if (!user) throw new AppError('UNAUTHENTICATED');
        if (def.roles !== 'any' && !def.roles.includes(user.role)) throw new AppError('FORBIDDEN', { procedure });
        actor = { kind: 'user', user, department: await deps.store.getDepartment(user.departmentId) };
      }
      const input = def.input.parse(rawInput ?? {});
      const handler = deps.table[procedure] as (i: unknown, c: unknown) => Promise<unknown>; // why: input parsed by this procedure's own schema
      const output = await handler(input, { store: deps.store, clock: deps.clock, sessions: deps.sessions, actor });
      const checked = def.output.safeParse(output);
      if (!checked.success) {
        // A handler returned something outside the contract: our bug, not the caller's input.
        throw new Error(`${procedure} returned output outside the contract: ${checked.error.message}`);
      }
      return { ok: true, data: checked.data };
    } catch (err) {
      const body = errorBody(err, locale);
      if (body.code === 'INTERNAL') log(`${procedure} failed`, err);
      return { ok: false, error: body };
    }
  };
}
