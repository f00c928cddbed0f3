/**
 * Who may change a device's photos, one rule for the core (which refuses) and the UI (which offers the
 * controls): the warehouse and admins any device's; a department contact only those of a device their own
 * administration reported and still holds (photos taken when reporting), not once the warehouse has it.
 */
import type { Device, Role } from './schemas';

export type PhotoChangeRefusal = 'NOT_OWN_DEPARTMENT' | 'ROLE_NOT_ALLOWED';

export function photoChangeRefusal(person: { role: Role; departmentId: string }, device: Pick<Device, 'departmentId' | 'status'>): PhotoChangeRefusal | undefined {
  if (person.role === 'warehouse' || person.role === 'admin') return undefined;
  if (person.role !== 'department_contact') return 'ROLE_NOT_ALLOWED';
  if (device.departmentId !== person.departmentId) return 'NOT_OWN_DEPARTMENT';
  return device.status === 'reported' ? undefined : 'ROLE_NOT_ALLOWED';
}
