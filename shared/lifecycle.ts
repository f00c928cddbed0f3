/**
 * The device lifecycle as one table (the README's lifecycle diagram). This is the only place that decides which transitions
 * exist, who may run them and what each requires. Services and the UI both ask it; nobody re-implements
 * it with ifs.
 */
import type { Device, DeviceStatus, LOCATION_KINDS, Role } from './schemas';

export type ActorRole = Role | 'system';

export const ACTIONS = [
  'checkIn',
  'recordSanitization',
  'move',
  'publish',
  'unpublish',
  'reserve',
  'cancelReservation',
  'expireReservation',
  'handOver',
  'reportAgain',
  'routeToEwaste',
  'addToBatch',
  'removeFromBatch',
  'collect',
  'certify',
  'markRecycled',
  'markDestroyed',
  // Reservation approval (issue 11).
  'requestReservation',
  'approveReservation',
  'rejectReservation',
  'expireApproval',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Named preconditions. Each one is a pure check over the facts a service gathers (GuardFacts). */
export const GUARDS = [
  /** A data-bearing device needs a sanitization record (NIST SP 800-88) in this cycle. */
  'sanitizedIfDataBearing',
  /** The sanitization record must say it was verified. */
  'sanitizationVerified',
  /** The device has a condition grade and it is not "defective". */
  'gradedUsable',
  /** A department contact may only act for their own administration's reservation. */
  'ownReservation',
  /** A department contact may only re-report devices their administration owns. */
  'ownDevice',
  /** Data-bearing devices go to collection only with a verified wipe, or in a certified-destruction batch. */
  'sanitizedOrDestructionBatch',
  /** The reserving administration requires its reservations to be approved (it asks; it does not reserve). */
  'approvalRequired',
  /** The reserving administration lets reservations hold at once. */
  'approvalNotRequired',
  /** An admin, or a department contact flagged as approver of the administration holding the reservation. */
  'approverOfDepartment',
  /** A device listed with an "available from" day is not reservable before that day. */
  'availableNow',
] as const;
export type Guard = (typeof GUARDS)[number];

export interface Transition {
  action: Action;
  from: readonly DeviceStatus[];
  /** null: the action records something without changing the state. */
  to: DeviceStatus | null;
  roles: readonly ActorRole[];
  requires: readonly Guard[];
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'checkIn', from: ['reported'], to: 'in_stock', roles: ['warehouse', 'admin'], requires: [] },
  {
    action: 'recordSanitization',
    // A device in an open or sealed batch can still be wiped: the collection gate asks for it.
    from: ['in_stock', 'ewaste_queued', 'in_batch'],
    to: null,
    roles: ['warehouse', 'admin'],
    requires: [],
  },
  {
    // Moving between warehouse shelves records where the device is without changing its state.
    action: 'move',
    from: ['in_stock', 'listed', 'reserved', 'pending_approval', 'ewaste_queued', 'in_batch'],
    to: null,
    roles: ['warehouse', 'admin'],
    requires: [],
  },
  {
    action: 'publish',
    from: ['in_stock'],
    to: 'listed',
    roles: ['warehouse', 'admin'],
    requires: ['gradedUsable', 'sanitizedIfDataBearing', 'sanitizationVerified'],
  },
  { action: 'unpublish', from: ['listed'], to: 'in_stock', roles: ['warehouse', 'admin'], requires: [] },
  { action: 'reserve', from: ['listed'], to: 'reserved', roles: ['department_contact', 'admin'], requires: ['approvalNotRequired', 'availableNow'] },
  // The same people ask instead of reserving when the administration requires approval; the request holds the device.
  {
    action: 'requestReservation',
    from: ['listed'],
    to: 'pending_approval',
    roles: ['department_contact', 'admin'],
    requires: ['approvalRequired', 'availableNow'],
  },
  {
    action: 'approveReservation',
    from: ['pending_approval'],
    to: 'reserved',
    roles: ['department_contact', 'admin'],
    requires: ['approverOfDepartment'],
  },
  {
    action: 'rejectReservation',
    from: ['pending_approval'],
    to: 'listed',
    roles: ['department_contact', 'admin'],
    requires: ['approverOfDepartment'],
  },
  { action: 'expireApproval', from: ['pending_approval'], to: 'listed', roles: ['system'], requires: [] },
  {
    action: 'cancelReservation',
    // A request waiting for approval can be withdrawn like a reservation.
    from: ['reserved', 'pending_approval'],
    to: 'listed',
    roles: ['department_contact', 'warehouse', 'admin'],
    requires: ['ownReservation'],
  },
  { action: 'expireReservation', from: ['reserved'], to: 'listed', roles: ['system'], requires: [] },
  {
    action: 'handOver',
    from: ['reserved'],
    to: 'reused',
    roles: ['warehouse', 'admin'],
    requires: ['sanitizedIfDataBearing', 'sanitizationVerified'],
  },
  {
    action: 'reportAgain',
    from: ['reused'],
    to: 'reported',
    roles: ['department_contact', 'admin'],
    requires: ['ownDevice'],
  },
  {
    action: 'routeToEwaste',
    from: ['reported', 'in_stock', 'listed'],
    to: 'ewaste_queued',
    roles: ['warehouse', 'admin'],
    requires: [],
  },
  { action: 'addToBatch', from: ['ewaste_queued'], to: 'in_batch', roles: ['warehouse', 'admin'], requires: [] },
  { action: 'removeFromBatch', from: ['in_batch'], to: 'ewaste_queued', roles: ['warehouse', 'admin'], requires: [] },
  {
    action: 'collect',
    from: ['in_batch'],
    to: 'collected',
    roles: ['warehouse', 'admin'],
    requires: ['sanitizedOrDestructionBatch'],
  },
  { action: 'certify', from: ['collected'], to: 'certified', roles: ['warehouse', 'admin'], requires: [] },
  { action: 'markRecycled', from: ['certified'], to: 'recycled', roles: ['warehouse', 'admin'], requires: [] },
  { action: 'markDestroyed', from: ['certified'], to: 'destroyed', roles: ['warehouse', 'admin'], requires: [] },
];

const BY_ACTION = new Map<Action, Transition>(TRANSITIONS.map((t) => [t.action, t]));

export function transitionFor(action: Action): Transition {
  const t = BY_ACTION.get(action);
  if (!t) throw new Error(`No transition for action ${action}`);
  return t;
}

/** The guards that look at the sanitization record (GuardFacts.sanitization). */
const SANITIZATION_GUARDS: ReadonlySet<Guard> = new Set<Guard>(['sanitizedIfDataBearing', 'sanitizationVerified', 'sanitizedOrDestructionBatch']);

/**
 * Whether deciding `action` looks at the device's sanitization record. A service reads the record from
 * the store only then: a certificate closing 5,000 devices would otherwise read 10,000 records no guard uses.
 */
export function needsSanitization(action: Action): boolean {
  return transitionFor(action).requires.some((g) => SANITIZATION_GUARDS.has(g));
}

/**
 * Whether `action` waits for a (verified) wipe to be recorded: one of its sanitization guards fails on these facts.
 * Other guards are not asked, so a device that also lacks a grade still shows the wipe as a step to take.
 */
export function waitsForSanitization(action: Action, facts: GuardFacts): boolean {
  return transitionFor(action).requires.some((g) => SANITIZATION_GUARDS.has(g) && GUARD_CHECKS[g](facts) !== null);
}

/** The people (not the system) who may run `action`: the roles of the procedure that runs it. */
export function rolesFor(action: Action): Role[] {
  return transitionFor(action).roles.filter((r): r is Role => r !== 'system');
}

/** The facts a guard looks at. A service gathers them from the store before asking. */
export interface GuardFacts {
  device: Pick<Device, 'status' | 'dataBearing' | 'condition' | 'departmentId'> & Partial<Pick<Device, 'availableFrom'>>;
  /** The day it is (YYYY-MM-DD, Copenhagen) when the action runs; availableNow compares it with availableFrom. */
  today?: string | undefined;
  sanitization?: { verified: boolean; method: string } | undefined;
  /** undefined: an anonymous caller, who may run no action. */
  actorRole: ActorRole | undefined;
  actorDepartmentId?: string | undefined;
  /** The administration holding the active reservation, if any. */
  reservationDepartmentId?: string | undefined;
  /** The batch the device is in is marked for certified destruction by the recycler. */
  inDestructionBatch?: boolean | undefined;
  /** The administration reserving (or holding the reservation) requires approval. */
  approvalRequired?: boolean | undefined;
  /** The actor is flagged as an approver (User.approver). */
  actorIsApprover?: boolean | undefined;
}

/** Refusal codes; each has a message in the catalogue (shared/i18n). */
export type RefusalCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'ROLE_NOT_ALLOWED'
  | 'SANITIZATION_REQUIRED'
  | 'SANITIZATION_NOT_VERIFIED'
  | 'CONDITION_REQUIRED'
  | 'NOT_OWN_DEPARTMENT'
  | 'APPROVAL_REQUIRED'
  | 'APPROVAL_NOT_REQUIRED'
  | 'NOT_APPROVER'
  | 'NOT_YET_AVAILABLE';

const GUARD_CHECKS: Record<Guard, (f: GuardFacts) => RefusalCode | null> = {
  sanitizedIfDataBearing: (f) => (f.device.dataBearing && !f.sanitization ? 'SANITIZATION_REQUIRED' : null),
  sanitizationVerified: (f) => (f.sanitization && !f.sanitization.verified ? 'SANITIZATION_NOT_VERIFIED' : null),
  gradedUsable: (f) =>
    f.device.condition === undefined || f.device.condition === 'defective' ? 'CONDITION_REQUIRED' : null,
  ownReservation: (f) =>
    f.actorRole === 'department_contact' && f.actorDepartmentId !== f.reservationDepartmentId
      ? 'NOT_OWN_DEPARTMENT'
      : null,
  ownDevice: (f) =>
    f.actorRole === 'department_contact' && f.actorDepartmentId !== f.device.departmentId ? 'NOT_OWN_DEPARTMENT' : null,
  approvalRequired: (f) => (f.approvalRequired ? null : 'APPROVAL_NOT_REQUIRED'),
  approvalNotRequired: (f) => (f.approvalRequired ? 'APPROVAL_REQUIRED' : null),
  approverOfDepartment: (f) =>
    f.actorRole !== 'department_contact'
      ? null
      : !f.actorIsApprover
        ? 'NOT_APPROVER'
        : f.actorDepartmentId !== f.reservationDepartmentId
          ? 'NOT_OWN_DEPARTMENT'
          : null,
  sanitizedOrDestructionBatch: (f) =>
    !f.device.dataBearing || f.inDestructionBatch ? null : !f.sanitization ? 'SANITIZATION_REQUIRED' : !f.sanitization.verified ? 'SANITIZATION_NOT_VERIFIED' : null,
  // A caller that does not say which day it is cannot show it is early enough: refused, not waved through.
  availableNow: (f) =>
    f.device.availableFrom !== undefined && (f.today === undefined || f.today < f.device.availableFrom) ? 'NOT_YET_AVAILABLE' : null,
};

export type Decision =
  | { ok: true; to: DeviceStatus }
  | { ok: false; code: RefusalCode; from: DeviceStatus; action: Action };

/** Decide whether `action` may run now. The first failing check names the refusal. */
export function decide(action: Action, facts: GuardFacts): Decision {
  const t = transitionFor(action);
  const from = facts.device.status;
  if (!t.from.includes(from)) return { ok: false, code: 'TRANSITION_NOT_ALLOWED', from, action };
  if (facts.actorRole === undefined || !t.roles.includes(facts.actorRole)) return { ok: false, code: 'ROLE_NOT_ALLOWED', from, action };
  for (const g of t.requires) {
    const code = GUARD_CHECKS[g](facts);
    if (code) return { ok: false, code, from, action };
  }
  return { ok: true, to: t.to ?? from };
}

/**
 * Of several actions that start from the same request (reserve, or ask for approval), the one the table
 * allows on these facts; when none is allowed, the first, whose refusal then names what is wrong.
 */
export function chooseAction<A extends Action>(candidates: readonly [A, ...A[]], facts: GuardFacts): A {
  return candidates.find((a) => decide(a, facts).ok) ?? candidates[0];
}

/** Actions this person could start from the device's current state (guards decide at run time). */
export function actionsFrom(status: DeviceStatus, role: ActorRole | undefined): Action[] {
  if (role === undefined) return [];
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.roles.includes(role)).map((t) => t.action);
}

// ---- Import of registers (issue 12) ----

type LocationKind = (typeof LOCATION_KINDS)[number];

/**
 * The states an imported device may enter, and the kinds of place each one needs: reported (surplus waiting at a
 * site), in stock (at the warehouse or on a shelf) and in use at a site (reused: the state a handed-over device is
 * in, from which reportAgain starts its next cycle). The device's trail starts with an `imported` event in that
 * state instead of `reported`; every later step follows the table above. Other states need records an import
 * cannot bring (a reservation, a verified wipe, a batch, a certificate), so a row asking for one is refused.
 */
export const IMPORT_ENTRY_STATES: Readonly<Partial<Record<DeviceStatus, readonly LocationKind[]>>> = {
  reported: ['site'],
  in_stock: ['warehouse', 'shelf'],
  reused: ['site'],
};

/** Why a device cannot be imported in `status` at a place of `kind`, or null when it can. */
export function importEntryRefusal(status: DeviceStatus, kind: LocationKind): 'status_not_importable' | 'status_needs_other_location' | null {
  const kinds = IMPORT_ENTRY_STATES[status];
  if (!kinds) return 'status_not_importable';
  return kinds.includes(kind) ? null : 'status_needs_other_location';
}

/** The state of an imported device whose row names none: in stock in the warehouse, in use at a site. */
export function importDefaultState(kind: LocationKind): DeviceStatus {
  return kind === 'site' ? 'reused' : 'in_stock';
}
