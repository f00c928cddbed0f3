/**
 * Reservation approval in the demo (issue 11): Kultur- og Fritidsforvaltningen (KFF) requires its reservations
 * to be approved within 3 days, by its first IT contact. Turned on after the history, as an admin would, so
 * the history's reservations read as made before; a KFF contact's next reservation waits for approval.
 */
import { args, contextOf } from './ewaste';
import { setApproval } from '../departments/service';
import type { Store } from '../store/store';

export const DEMO_APPROVAL = { departmentId: 'dep-kff', approverId: 'user-kff-1', days: 3 } as const;

export async function seedApprovalDemo(store: Store, now: Date): Promise<void> {
  const admin = await contextOf(store, { now: () => now }, 'user-admin-1');
  await setApproval(
    admin,
    args('departments.setApproval', { departmentId: DEMO_APPROVAL.departmentId, required: true, days: DEMO_APPROVAL.days, approverIds: [DEMO_APPROVAL.approverId] }),
  );
}
