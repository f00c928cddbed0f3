/**
 * The handler table: one handler per procedure of the contract, no more, no less. Domains register their
 * handlers in parts; `buildHandlerTable` refuses a duplicate, a missing or an unknown procedure.
 */
import type { z } from 'zod';
import { contract, type Contract, type ProcedureName } from '../../shared/contract';
import type { Locale } from '../../shared/i18n/locale';
import type { ServiceContext } from '../context';
import type { Sessions } from '../session/sessions';

export interface HandlerContext extends ServiceContext {
  sessions: Sessions;
  /** The session token the call came with (for signing out); absent for an anonymous call. */
  token?: string | undefined;
  /** The caller's language, for what a handler writes itself (a PDF's texts); error messages are localised by the dispatcher. */
  locale: Locale;
  /** The client's address (HTTP only): sign-in's limits and log (issue 13, wt-auth). */
  address?: string | undefined;
}

export type Handler<P extends ProcedureName> = (
  input: z.output<Contract[P]['input']>,
  ctx: HandlerContext,
) => Promise<z.input<Contract[P]['output']>>;

export type HandlerPart = { [P in ProcedureName]?: Handler<P> };
export type HandlerTable = { [P in ProcedureName]: Handler<P> };

export function buildHandlerTable(parts: readonly HandlerPart[]): HandlerTable {
  const table: Partial<Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part)) {
      if (name in table) throw new Error(`Procedure ${name} is registered twice`);
      table[name] = handler;
    }
  }
  assertMatchesContract(table);
  return table as HandlerTable; // why: assertMatchesContract checked every key
}

export function assertMatchesContract(table: Record<string, unknown>): void {
  const missing = Object.keys(contract).filter((name) => typeof table[name] !== 'function');
  const unknown = Object.keys(table).filter((name) => !(name in contract));
  if (missing.length || unknown.length) {
    throw new Error(
      `Handler table does not match the contract. Missing: ${missing.join(', ') || 'none'}. Not in contract: ${unknown.join(', ') || 'none'}.`,
    );
  }
}
