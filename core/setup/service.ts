/**
 * First start without demo data (issue 12): while the store holds nobody, anyone who can reach the app (in web
 * mode: who holds the start-up secret) creates the organisation, its first administrator and the warehouse.
 * Once there is a person, setup is refused: from then on the admin screens keep reference data.
 */
import { randomUUID } from 'node:crypto';
import type { ProcedureArgs } from '../../shared/contract';
import type { Department, User } from '../../shared/schemas';
import { recordAdminChange } from '../admin/audit';
import { loadReferenceLists, referenceWriter, writeDepartment, writeLocation, writeUser } from '../admin/reference';
import { nowIso, type ServiceContext } from '../context';
import { AppError } from '../errors';

/** Whether this is a first start: nobody in the store yet. */
export async function setupStatus(ctx: ServiceContext): Promise<{ needed: boolean }> {
  return { needed: (await ctx.store.userCount()) === 0 };
}

/**
 * Create the organisation's name, the administration, the warehouse and the admin in one transaction, each with
 * its audit entry naming the new admin as the one who made it. Whether anybody exists is asked inside the
 * transaction, so of two browsers sending setup at once the second is refused and changes nothing.
 * @throws SETUP_DONE when the store already holds a person
 */
export async function initialize(ctx: ServiceContext, input: ProcedureArgs<'setup.initialize'>, passwordHash?: string): Promise<User> {
  return ctx.store.transaction(async (tx) => {
    if ((await tx.userCount()) > 0) throw new AppError('SETUP_DONE', {}, 'setup refused: the store has users');
    const department: Department = { id: `dep-${randomUUID()}`, ...input.department };
    const admin: User = { id: `user-${randomUUID()}`, name: input.admin.name, email: input.admin.email, role: 'admin', departmentId: department.id };
    // The new admin is the one who sets up: the audit list names them from the first entry.
    const asAdmin: ServiceContext = { ...ctx, actor: { kind: 'user', user: admin, department } };

    const before = await tx.getSettings();
    const { organisationShortName: _default, ...rest } = before;
    const organisation = { organisationName: input.organisationName, ...(input.organisationShortName ? { organisationShortName: input.organisationShortName } : {}) };
    tx.putSettings({ ...rest, ...organisation });
    recordAdminChange(tx, asAdmin, { subject: 'organisation', subjectId: 'organisation', subjectName: input.organisationName, action: 'created', after: organisation });
    // The records go through the admin screens' writers (core/admin/reference.ts): the same checks and audit entries.
    const w = referenceWriter(tx, asAdmin, await loadReferenceLists(ctx));
    await writeDepartment(w, input.department, department.id);
    const saved = await writeUser(w, { name: admin.name, email: admin.email, role: 'admin', departmentId: department.id }, admin.id);
    await writeLocation(w, { kind: 'warehouse', name: input.warehouse.name, ...(input.warehouse.address ? { address: input.warehouse.address } : {}) });
    // Shared mode (issue 13): the admin's password, so they can sign in again after this session.
    if (passwordHash !== undefined) tx.putCredential({ userId: saved.id, hash: passwordHash, changedAt: nowIso(ctx.clock), failedAttempts: 0 });
    return saved;
  });
}
