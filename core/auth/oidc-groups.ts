/**
 * The sign-in group table (issue 13, wt-oidc): which of the identity provider's groups give which role, in which
 * administration (and unit). An admin edits it on Organisation → Login-grupper; every change is written with its
 * admin audit entry in one transaction. A person signing in through the identity provider gets the role and
 * administration of their best matching row (mappingFor), at every sign-in.
 */
import { randomUUID } from 'node:crypto';
import type { ProcedureArgs } from '../../shared/contract';
import { ROLES, type OidcGroup, type Role } from '../../shared/schemas';
import { recordAdminChange } from '../admin/audit';
import type { ServiceContext } from '../context';
import { AppError, notFound } from '../errors';

/** The table in table order. */
export async function listOidcGroups(ctx: ServiceContext): Promise<{ items: OidcGroup[] }> {
  return { items: await ctx.store.listOidcGroups() };
}

/**
 * Adds a row (no id; it goes last) or changes one (it keeps its place). A group is in the table once; the unit,
 * when given, is one of the administration's.
 * @throws NOT_FOUND, OIDC_GROUP_TAKEN, UNIT_OF_OTHER_DEPARTMENT
 */
export async function saveOidcGroup(ctx: ServiceContext, input: ProcedureArgs<'oidcGroups.save'>): Promise<OidcGroup> {
  return ctx.store.transaction(async (tx) => {
    const rows = await ctx.store.listOidcGroups();
    const before = input.id === undefined ? undefined : rows.find((r) => r.id === input.id);
    if (input.id !== undefined && !before) throw notFound('oidcGroup', input.id);
    const department = await tx.getDepartment(input.departmentId);
    if (!department) throw new AppError('NOT_FOUND', { entity: 'department', key: input.departmentId }, undefined, { departmentId: 'department_unknown' });
    if (input.unitId !== undefined) {
      const unit = (await ctx.store.listUnits()).find((u) => u.id === input.unitId);
      if (unit?.departmentId !== department.id) {
        throw new AppError('UNIT_OF_OTHER_DEPARTMENT', { unit: unit?.name ?? input.unitId, department: department.name }, undefined, { unitId: 'unit_of_department' });
      }
    }
    // The claim's values are compared exactly at sign-in, so a twin is one with exactly the same text.
    if (rows.some((r) => r.id !== input.id && r.group === input.group)) {
      throw new AppError('OIDC_GROUP_TAKEN', { group: input.group }, undefined, { group: 'oidc_group_taken' });
    }
    const row: OidcGroup = {
      id: before?.id ?? randomUUID(),
      group: input.group,
      role: input.role,
      departmentId: department.id,
      ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
      position: before?.position ?? rows.reduce((max, r) => Math.max(max, r.position + 1), 0),
    };
    tx.putOidcGroup(row);
    recordAdminChange(tx, ctx, { subject: 'oidcGroup', subjectId: row.id, subjectName: row.group, action: before ? 'changed' : 'created', before, after: row, skip: ['id', 'position'] });
    return row;
  });
}

/** Removes a row; its members no longer get in through it at their next sign-in. @throws NOT_FOUND */
export async function removeOidcGroup(ctx: ServiceContext, input: { id: string }): Promise<Record<string, never>> {
  return ctx.store.transaction(async (tx) => {
    const row = (await ctx.store.listOidcGroups()).find((r) => r.id === input.id);
    if (!row) throw notFound('oidcGroup', input.id);
    tx.removeOidcGroup(row.id);
    recordAdminChange(tx, ctx, { subject: 'oidcGroup', subjectId: row.id, subjectName: row.group, action: 'removed', before: row, skip: ['id', 'position'] });
    return {};
  });
}

const rank = (role: Role): number => ROLES.indexOf(role);

/**
 * The row that decides a person's role and administration: of the rows naming one of their groups, those with
 * the highest role (ROLES order: admin highest), and of those the first in table order. Undefined: no row matches.
 */
export function mappingFor(rows: readonly OidcGroup[], groups: readonly string[]): OidcGroup | undefined {
  const mine = new Set(groups);
  let best: OidcGroup | undefined;
  // `rows` is in table order, so only a strictly higher role replaces an earlier row.
  for (const row of rows) if (mine.has(row.group) && (!best || rank(row.role) > rank(best.role))) best = row;
  return best;
}
