/**
 * Creating reference records with their audit entry, one small function each, inside the caller's
 * transaction. Setup (issue 12) uses them for the first administration, warehouse and admin; the admin screens
 * for administrations, locations and people can create theirs through the same functions.
 */
import type { Department, Location, User } from '../../shared/schemas';
import { recordAdminChange } from '../admin/audit';
import type { ServiceContext } from '../context';
import type { StoreTx } from '../store/store';

/** Adds an administration and its 'created' audit entry. */
export function createDepartment(tx: StoreTx, ctx: ServiceContext, department: Department): Department {
  tx.putDepartment(department);
  recordAdminChange(tx, ctx, { subject: 'department', subjectId: department.id, subjectName: department.name, action: 'created', after: department });
  return department;
}

/** Adds a location (a warehouse, shelf or site) and its 'created' audit entry. */
export function createLocation(tx: StoreTx, ctx: ServiceContext, location: Location): Location {
  tx.putLocation(location);
  recordAdminChange(tx, ctx, { subject: 'location', subjectId: location.id, subjectName: location.name, action: 'created', after: location });
  return location;
}

/** Adds a person and their 'created' audit entry. */
export function createUser(tx: StoreTx, ctx: ServiceContext, user: User): User {
  tx.putUser(user);
  recordAdminChange(tx, ctx, { subject: 'user', subjectId: user.id, subjectName: user.name, action: 'created', after: user });
  return user;
}
