/** Administrations' own settings that an admin keeps: for now, whether their reservations need approval (issue 11). */
import type { ProcedureArgs } from '../../shared/contract';
import { isActiveUser, type Department, type User } from '../../shared/schemas';
import { actorSnapshot, nowIso, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { recordAdminChange } from '../admin/audit';

/**
 * Turn an administration's reservation approval on or off, set the days its approvers have and name its
 * approvers (department contacts of that administration; the others stop being approvers). The department
 * keeps who changed it and when. Everything is checked before anything is written.
 * @throws NOT_FOUND (department, user), APPROVER_NOT_A_CONTACT
 */
export async function setApproval(
  ctx: ServiceContext,
  input: ProcedureArgs<'departments.setApproval'>,
): Promise<{ department: Department; approvers: User[] }> {
  return ctx.store.transaction(async (tx) => {
    const department = await tx.getDepartment(input.departmentId);
    if (!department) throw notFound('department', input.departmentId);
    const chosen = new Set(input.approverIds);
    for (const id of chosen) {
      const user = await tx.getUser(id);
      if (!user) throw notFound('user', id);
      if (user.role !== 'department_contact' || user.departmentId !== department.id) {
        throw new AppError('APPROVER_NOT_A_CONTACT', { approver: user.name }, undefined, { approverIds: 'approver_contact' });
      }
      // A deactivated person (issue 12) cannot sign in, so could never decide.
      if (!isActiveUser(user)) throw new AppError('USER_INACTIVE', { person: user.name }, undefined, { approverIds: 'approver_inactive' });
    }
    const next: Department = {
      ...department,
      approval: { required: input.required, days: input.days, changedBy: actorSnapshot(ctx.actor), changedAt: nowIso(ctx.clock) },
    };
    tx.putDepartment(next);
    const approvers: User[] = [];
    const approversBefore: string[] = [];
    for (const user of await ctx.store.listUsers()) {
      if (user.approver === true && user.departmentId === department.id) approversBefore.push(user.name);
      if (user.role !== 'department_contact' || user.departmentId !== department.id) continue;
      const approver = chosen.has(user.id);
      if ((user.approver === true) !== approver) tx.putUser({ ...user, approver });
      if (approver) approvers.push({ ...user, approver });
    }
    const approvalView = (a: Department['approval'], names: string[]) => ({ required: a?.required ?? false, days: a?.days, approvers: names.sort() });
    recordAdminChange(tx, ctx, {
      subject: 'approval',
      subjectId: department.id,
      subjectName: department.name,
      action: 'changed',
      before: approvalView(department.approval, approversBefore),
      after: approvalView(next.approval, approvers.map((a) => a.name)),
    });
    return { department: next, approvers };
  });
}
