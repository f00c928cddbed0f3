import { describe, expect, it } from 'vitest';
import { ACTIONS, TRANSITIONS, actionsFrom, chooseAction, decide, needsSanitization, waitsForSanitization, type Action, type GuardFacts } from './lifecycle';
import { DEVICE_STATUSES, type DeviceStatus } from './schemas';

/**
 * The lifecycle of the README's diagram written out independently of the table: every (state, action) pair that
 * is allowed and where it leads. Every other pair must be refused with TRANSITION_NOT_ALLOWED.
 */
const EXPECTED: Record<Action, Partial<Record<DeviceStatus, DeviceStatus>>> = {
  checkIn: { reported: 'in_stock' },
  recordSanitization: { in_stock: 'in_stock', ewaste_queued: 'ewaste_queued', in_batch: 'in_batch' },
  move: {
    in_stock: 'in_stock',
    listed: 'listed',
    reserved: 'reserved',
    pending_approval: 'pending_approval',
    ewaste_queued: 'ewaste_queued',
    in_batch: 'in_batch',
  },
  publish: { in_stock: 'listed' },
  unpublish: { listed: 'in_stock' },
  reserve: { listed: 'reserved' },
  cancelReservation: { reserved: 'listed', pending_approval: 'listed' },
  expireReservation: { reserved: 'listed' },
  handOver: { reserved: 'reused' },
  reportAgain: { reused: 'reported' },
  routeToEwaste: { reported: 'ewaste_queued', in_stock: 'ewaste_queued', listed: 'ewaste_queued' },
  addToBatch: { ewaste_queued: 'in_batch' },
  removeFromBatch: { in_batch: 'ewaste_queued' },
  collect: { in_batch: 'collected' },
  certify: { collected: 'certified' },
  markRecycled: { certified: 'recycled' },
  markDestroyed: { certified: 'destroyed' },
  requestReservation: { listed: 'pending_approval' },
  approveReservation: { pending_approval: 'reserved' },
  rejectReservation: { pending_approval: 'listed' },
  expireApproval: { pending_approval: 'listed' },
};

/** Facts under which every guard passes, so only state and role decide. */
function passingFacts(status: DeviceStatus, action: Action): GuardFacts {
  const t = TRANSITIONS.find((x) => x.action === action)!;
  const role = t.roles[0]!;
  return {
    device: { status, dataBearing: true, condition: 'A', departmentId: 'dep-buf' },
    sanitization: { verified: true, method: 'purge' },
    actorRole: role,
    actorDepartmentId: 'dep-buf',
    reservationDepartmentId: 'dep-buf',
    actorIsApprover: true,
    // The two approval guards exclude each other: each action gets the side its own guard asks for.
    approvalRequired: t.requires.includes('approvalRequired'),
  };
}

describe('lifecycle table', () => {
  it('has exactly one transition per action', () => {
    expect(TRANSITIONS.map((t) => t.action).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const status of DEVICE_STATUSES) {
      const to = EXPECTED[action][status];
      if (to) {
        it(`allows ${action} from ${status} to ${to}`, () => {
          expect(decide(action, passingFacts(status, action))).toEqual({ ok: true, to });
        });
      } else {
        it(`refuses ${action} from ${status}`, () => {
          const d = decide(action, passingFacts(status, action));
          expect(d).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED', from: status });
        });
      }
    }
  }

  it('lets only the named roles run each action', () => {
    const roles = ['department_contact', 'warehouse', 'sustainability', 'admin', 'system'] as const;
    const expectedRoles: Record<Action, readonly string[]> = {
      checkIn: ['warehouse', 'admin'],
      recordSanitization: ['warehouse', 'admin'],
      move: ['warehouse', 'admin'],
      publish: ['warehouse', 'admin'],
      unpublish: ['warehouse', 'admin'],
      reserve: ['department_contact', 'admin'],
      cancelReservation: ['department_contact', 'warehouse', 'admin'],
      expireReservation: ['system'],
      handOver: ['warehouse', 'admin'],
      reportAgain: ['department_contact', 'admin'],
      routeToEwaste: ['warehouse', 'admin'],
      addToBatch: ['warehouse', 'admin'],
      removeFromBatch: ['warehouse', 'admin'],
      collect: ['warehouse', 'admin'],
      certify: ['warehouse', 'admin'],
      markRecycled: ['warehouse', 'admin'],
      markDestroyed: ['warehouse', 'admin'],
      requestReservation: ['department_contact', 'admin'],
      approveReservation: ['department_contact', 'admin'],
      rejectReservation: ['department_contact', 'admin'],
      expireApproval: ['system'],
    };
    for (const action of ACTIONS) {
      const from = Object.keys(EXPECTED[action])[0] as DeviceStatus;
      for (const role of roles) {
        const d = decide(action, { ...passingFacts(from, action), actorRole: role });
        if (expectedRoles[action].includes(role)) expect(d.ok, `${role} ${action}`).toBe(true);
        else expect(d, `${role} ${action}`).toMatchObject({ ok: false, code: 'ROLE_NOT_ALLOWED' });
      }
    }
  });
});

describe('lifecycle guards', () => {
  const inStock = (over: Partial<GuardFacts['device']> = {}): GuardFacts => ({
    device: { status: 'in_stock', dataBearing: true, condition: 'B', departmentId: 'dep-buf', ...over },
    actorRole: 'warehouse',
    actorDepartmentId: 'dep-okf',
  });

  it('refuses to list a data-bearing device without a sanitization record', () => {
    expect(decide('publish', inStock())).toMatchObject({ ok: false, code: 'SANITIZATION_REQUIRED' });
  });

  it('lists a device that carries no data without a sanitization record', () => {
    expect(decide('publish', inStock({ dataBearing: false }))).toEqual({ ok: true, to: 'listed' });
  });

  it('refuses to list when the sanitization was not verified', () => {
    const facts = { ...inStock(), sanitization: { verified: false, method: 'clear' } };
    expect(decide('publish', facts)).toMatchObject({ ok: false, code: 'SANITIZATION_NOT_VERIFIED' });
  });

  it('refuses to list an ungraded or defective device', () => {
    expect(decide('publish', inStock({ dataBearing: false, condition: undefined }))).toMatchObject({ code: 'CONDITION_REQUIRED' });
    expect(decide('publish', inStock({ dataBearing: false, condition: 'defective' }))).toMatchObject({ code: 'CONDITION_REQUIRED' });
  });

  it('refuses to hand over a data-bearing device without a sanitization record', () => {
    const facts = { ...inStock({ status: 'reserved' }) };
    expect(decide('handOver', facts)).toMatchObject({ ok: false, code: 'SANITIZATION_REQUIRED' });
  });

  it('lets a department contact cancel only their own administration reservation', () => {
    const facts: GuardFacts = {
      device: { status: 'reserved', dataBearing: false, condition: 'A', departmentId: 'dep-buf' },
      actorRole: 'department_contact',
      actorDepartmentId: 'dep-tmf',
      reservationDepartmentId: 'dep-suf',
    };
    expect(decide('cancelReservation', facts)).toMatchObject({ ok: false, code: 'NOT_OWN_DEPARTMENT' });
    expect(decide('cancelReservation', { ...facts, actorDepartmentId: 'dep-suf' })).toEqual({ ok: true, to: 'listed' });
    expect(decide('cancelReservation', { ...facts, actorRole: 'warehouse' })).toEqual({ ok: true, to: 'listed' });
  });

  it('collects an unwiped data-bearing device only in a certified-destruction batch', () => {
    const facts = inStock({ status: 'in_batch' });
    expect(decide('collect', facts)).toMatchObject({ ok: false, code: 'SANITIZATION_REQUIRED' });
    expect(decide('collect', { ...facts, inDestructionBatch: true })).toEqual({ ok: true, to: 'collected' });
    // A wipe that was not verified does not open the gate either.
    const unverified = { ...facts, sanitization: { verified: false, method: 'purge' } };
    expect(decide('collect', unverified)).toMatchObject({ ok: false, code: 'SANITIZATION_NOT_VERIFIED' });
    expect(decide('collect', { ...unverified, sanitization: { verified: true, method: 'purge' } })).toEqual({ ok: true, to: 'collected' });
  });

  it('lets a contact report again only devices their administration owns', () => {
    const facts: GuardFacts = {
      device: { status: 'reused', dataBearing: true, condition: 'A', departmentId: 'dep-suf' },
      actorRole: 'department_contact',
      actorDepartmentId: 'dep-buf',
    };
    expect(decide('reportAgain', facts)).toMatchObject({ code: 'NOT_OWN_DEPARTMENT' });
    expect(decide('reportAgain', { ...facts, actorDepartmentId: 'dep-suf' })).toEqual({ ok: true, to: 'reported' });
  });

  it('offers a warehouse person check-in for a reported device and nothing for a recycled one', () => {
    expect(actionsFrom('reported', 'warehouse')).toContain('checkIn');
    expect(actionsFrom('recycled', 'warehouse')).toEqual([]);
    expect(actionsFrom('listed', 'department_contact')).toEqual(['reserve', 'requestReservation']);
  });
});

describe('reservation approval (issue 11)', () => {
  const listed = (over: Partial<GuardFacts> = {}): GuardFacts => ({
    device: { status: 'listed', dataBearing: false, condition: 'B', departmentId: 'dep-okf' },
    actorRole: 'department_contact',
    actorDepartmentId: 'dep-suf',
    ...over,
  });
  const pending = (over: Partial<GuardFacts> = {}): GuardFacts =>
    listed({ device: { status: 'pending_approval', dataBearing: false, condition: 'B', departmentId: 'dep-okf' }, reservationDepartmentId: 'dep-suf', ...over });

  it('reserves at once where approval is not required, and asks for approval where it is', () => {
    expect(chooseAction(['reserve', 'requestReservation'], listed())).toBe('reserve');
    expect(chooseAction(['reserve', 'requestReservation'], listed({ approvalRequired: true }))).toBe('requestReservation');
    expect(decide('requestReservation', listed({ approvalRequired: true }))).toEqual({ ok: true, to: 'pending_approval' });
    // Neither path skips the other's rule.
    expect(decide('reserve', listed({ approvalRequired: true }))).toMatchObject({ ok: false, code: 'APPROVAL_REQUIRED' });
    expect(decide('requestReservation', listed())).toMatchObject({ ok: false, code: 'APPROVAL_NOT_REQUIRED' });
  });

  it('when no path is open, the choice is the first action, whose refusal says why (a pending device cannot be reserved)', () => {
    const facts = pending({ approvalRequired: true });
    expect(chooseAction(['reserve', 'requestReservation'], facts)).toBe('reserve');
    expect(decide('reserve', facts)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED', from: 'pending_approval' });
    expect(chooseAction(['reserve', 'requestReservation'], listed({ actorRole: 'warehouse' }))).toBe('reserve');
  });

  it("lets only an approver of the reserving administration, or an admin, approve or reject", () => {
    for (const action of ['approveReservation', 'rejectReservation'] as const) {
      const to = action === 'approveReservation' ? 'reserved' : 'listed';
      expect(decide(action, pending()), `${action}: not flagged`).toMatchObject({ ok: false, code: 'NOT_APPROVER' });
      expect(decide(action, pending({ actorIsApprover: true, actorDepartmentId: 'dep-tmf' })), `${action}: other administration`).toMatchObject({
        ok: false,
        code: 'NOT_OWN_DEPARTMENT',
      });
      expect(decide(action, pending({ actorIsApprover: true }))).toEqual({ ok: true, to });
      expect(decide(action, pending({ actorRole: 'admin', actorDepartmentId: 'dep-okf' }))).toEqual({ ok: true, to });
      expect(decide(action, pending({ actorRole: 'warehouse', actorIsApprover: true }))).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    }
  });

  it('frees the device back to the marketplace on rejection, timeout (by the system only) or withdrawal', () => {
    expect(decide('rejectReservation', pending({ actorIsApprover: true }))).toEqual({ ok: true, to: 'listed' });
    expect(decide('expireApproval', pending({ actorRole: 'system' }))).toEqual({ ok: true, to: 'listed' });
    expect(decide('expireApproval', pending({ actorRole: 'admin' }))).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(decide('cancelReservation', pending())).toEqual({ ok: true, to: 'listed' });
  });

  it('keeps a pending device from hand-over and e-waste until it is approved', () => {
    const warehouse = pending({ actorRole: 'warehouse' });
    expect(decide('handOver', warehouse)).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(decide('routeToEwaste', warehouse)).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(decide('approveReservation', pending({ actorIsApprover: true }))).toEqual({ ok: true, to: 'reserved' });
  });
});

describe('which decisions look at the sanitization record', () => {
  it('names the actions whose guards read it (the store is asked for the record only for these)', () => {
    expect(ACTIONS.filter(needsSanitization).sort()).toEqual(['collect', 'handOver', 'publish']);
  });

  it('decides every other action the same whether the record is there, unverified or missing', () => {
    const records = [undefined, { verified: false, method: 'clear' }, { verified: true, method: 'purge' }];
    for (const action of ACTIONS.filter((a) => !needsSanitization(a))) {
      for (const status of DEVICE_STATUSES) {
        for (const actorRole of ['warehouse', 'admin', 'department_contact', 'system'] as const) {
          const base: GuardFacts = { device: { status, dataBearing: true, condition: 'B', departmentId: 'dep-buf' }, actorRole, actorDepartmentId: 'dep-buf', reservationDepartmentId: 'dep-buf' };
          const decisions = records.map((sanitization) => decide(action, { ...base, sanitization }));
          expect(decisions.every((d) => JSON.stringify(d) === JSON.stringify(decisions[0])), `${action} from ${status} as ${actorRole}`).toBe(true);
        }
      }
    }
  });
});

describe('which actions wait for a wipe to be recorded', () => {
  const laptop = (sanitization?: GuardFacts['sanitization'], condition: 'B' | 'defective' = 'B'): GuardFacts => ({
    device: { status: 'in_stock', dataBearing: true, condition, departmentId: 'dep-buf' },
    actorRole: 'warehouse',
    sanitization,
  });

  it('says listing an unwiped or unverified laptop waits for the wipe, and a verified one does not', () => {
    expect(waitsForSanitization('publish', laptop())).toBe(true);
    expect(waitsForSanitization('publish', laptop({ verified: false, method: 'clear' }))).toBe(true);
    expect(waitsForSanitization('publish', laptop({ verified: true, method: 'purge' }))).toBe(false);
  });

  it('still names the wipe when another guard (a defective device) would refuse first', () => {
    expect(decide('publish', laptop(undefined, 'defective'))).toMatchObject({ ok: false, code: 'CONDITION_REQUIRED' });
    expect(waitsForSanitization('publish', laptop(undefined, 'defective'))).toBe(true);
  });

  it('never holds a device that carries no data, nor an action that does not look at the record', () => {
    expect(waitsForSanitization('publish', { ...laptop(), device: { ...laptop().device, dataBearing: false } })).toBe(false);
    for (const action of ACTIONS.filter((a) => !needsSanitization(a))) expect(waitsForSanitization(action, laptop()), action).toBe(false);
  });
});

describe('availability (issue 11): reserving before "available from" is refused by the table', () => {
  const listed = (availableFrom?: string): GuardFacts['device'] => ({
    status: 'listed',
    dataBearing: true,
    condition: 'A',
    departmentId: 'dep-buf',
    ...(availableFrom ? { availableFrom } : {}),
  });
  const contact = { actorRole: 'department_contact' as const, actorDepartmentId: 'dep-suf' };

  it('refuses a reservation the day before the device is available, with NOT_YET_AVAILABLE', () => {
    expect(decide('reserve', { device: listed('2026-12-01'), today: '2026-11-30', ...contact })).toMatchObject({ ok: false, code: 'NOT_YET_AVAILABLE' });
  });

  it('allows it on the day itself and after', () => {
    expect(decide('reserve', { device: listed('2026-12-01'), today: '2026-12-01', ...contact })).toEqual({ ok: true, to: 'reserved' });
    expect(decide('reserve', { device: listed('2026-12-01'), today: '2027-01-05', ...contact })).toEqual({ ok: true, to: 'reserved' });
  });

  it('allows a device listed without a day at once, and refuses a dated one when the caller does not say which day it is', () => {
    expect(decide('reserve', { device: listed(), ...contact })).toEqual({ ok: true, to: 'reserved' });
    expect(decide('reserve', { device: listed('2026-12-01'), ...contact })).toMatchObject({ ok: false, code: 'NOT_YET_AVAILABLE' });
  });

  it('does not hold back other actions on a device not yet available (the warehouse may still take it off)', () => {
    expect(decide('unpublish', { device: listed('2026-12-01'), today: '2026-11-30', actorRole: 'warehouse' })).toEqual({ ok: true, to: 'in_stock' });
  });
});
