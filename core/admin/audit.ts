/**
 * The admin audit list (issue 12): every change an admin makes to reference data or settings is written, in
 * the change's own transaction, as an entry naming who, when, what and each field before and after. Entries are
 * never changed or deleted; people are deactivated rather than deleted, so the names here stay true too.
 */
import { randomUUID } from 'node:crypto';
import type { AdminAuditChange, AdminAuditEntry, AdminAuditSubject } from '../../shared/schemas';
import { actorSnapshot, nowIso, type ServiceContext } from '../context';
import type { StoreTx } from '../store/store';

/** The longest value text kept per field: the schema's limit, with room for the ellipsis. */
const VALUE_MAX = 500;

/** A field's value as the list shows it: text as is, numbers and flags as written, lists and objects as JSON. */
function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > VALUE_MAX ? `${text.slice(0, VALUE_MAX - 1)}…` : text;
}

/**
 * The fields that differ between two versions of a record (top-level fields, compared by their text), in the
 * order of the newer record's fields. `before` absent: every field of `after` is new; `after` absent: every field
 * of `before` is gone. Fields named in `skip` (bookkeeping such as updatedAt) are left out.
 */
export function changedFields(
  before: object | undefined,
  after: object | undefined,
  skip: readonly string[] = [],
): AdminAuditChange[] {
  const b = (before ?? {}) as Record<string, unknown>; // why: records are plain objects; read field by field
  const a = (after ?? {}) as Record<string, unknown>; // why: as above
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !skip.includes(f));
  const changes: AdminAuditChange[] = [];
  for (const field of fields) {
    const from = asText(b[field]);
    const to = asText(a[field]);
    if (from === to) continue;
    changes.push({ field, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
  }
  return changes.slice(0, 100);
}

export interface AdminChange {
  subject: AdminAuditSubject;
  subjectId: string;
  subjectName: string;
  action: AdminAuditEntry['action'];
  /** The record before the change (absent when created) and after it (absent when removed). */
  before?: object | undefined;
  after?: object | undefined;
  /** Fields not worth listing (bookkeeping). */
  skip?: readonly string[];
}

/**
 * Writes one audit entry inside the caller's transaction, so the change and its entry are saved together or not
 * at all. A change that changes nothing (same fields) writes no entry. Returns the entry, or undefined.
 */
export function recordAdminChange(tx: StoreTx, ctx: ServiceContext, change: AdminChange): AdminAuditEntry | undefined {
  const changes = changedFields(change.before, change.after, change.skip);
  if (changes.length === 0 && change.action === 'changed') return undefined;
  const entry: AdminAuditEntry = {
    id: randomUUID(),
    at: nowIso(ctx.clock),
    actor: actorSnapshot(ctx.actor),
    subject: change.subject,
    subjectId: change.subjectId,
    subjectName: change.subjectName,
    action: change.action,
    changes,
  };
  tx.putAdminAudit(entry);
  return entry;
}

/** The audit list, newest first; only one subject's entries when `subject` is given. */
export async function listAdminAudit(
  ctx: ServiceContext,
  input: { limit: number; subject?: AdminAuditSubject | undefined; subjectId?: string | undefined },
): Promise<{ items: AdminAuditEntry[] }> {
  const filtered = input.subject !== undefined || input.subjectId !== undefined;
  // The store keeps a few thousand entries a year; a filtered list reads them all and cuts after filtering.
  const all = await ctx.store.listAdminAudit(filtered ? Number.MAX_SAFE_INTEGER : input.limit);
  const items = all.filter(
    (e) => (input.subject === undefined || e.subject === input.subject) && (input.subjectId === undefined || e.subjectId === input.subjectId),
  );
  return { items: items.slice(0, input.limit) };
}
