/** Whether a role may call a procedure, by the contract: screens, sections and buttons show only what the core would allow. */
import { contract, type ProcedureName, type ProcedureRoles } from '../shared/contract';
import type { Role } from '../shared/schemas';

export function mayCall(role: Role, procedure: ProcedureName): boolean {
  const roles: ProcedureRoles = contract[procedure].roles;
  return roles === 'public' || roles === 'any' || roles.includes(role);
}
