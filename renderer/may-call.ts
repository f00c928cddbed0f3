/** Whether the contract lets a role call a procedure: menus and optional controls ask this, the core enforces it. */
import { contract, type ProcedureName, type ProcedureRoles } from '../shared/contract';
import type { Role } from '../shared/schemas';

/** Whether the contract lets this role call the procedure. */
export function mayCall(role: Role, procedure: ProcedureName): boolean {
  const roles: ProcedureRoles = contract[procedure].roles;
  return roles === 'public' || roles === 'any' || roles.includes(role);
}
