/**
 * The admin screens' reference data (issue 12): administrations, their units, locations (sites, the warehouse and
 * its shelves) and people. Every change is checked against the rest of the reference data before anything is
 * written, and is written together with its audit entry (recordAdminChange) in one transaction, so a refused
 * change leaves nothing behind. People are deactivated, never deleted: the trail's actor snapshots name them.
 *
 * The demo municipality is written through the same functions (core/demo/generate.ts). Its ids ('dep-kff',
 * 'loc-warehouse', …) are named by many tests, so a writer takes an optional id for a new record: the demo seeds
 * with it, the contract never exposes it (a procedure's `id` always means "change this one").
 */
import { randomUUID } from 'node:crypto';
import type { ProcedureArgs } from '../../shared/contract';
import { isActiveUser, type AdminAuditEntry, type AdminAuditSubject, type Department, type Location, type Unit, type User } from '../../shared/schemas';
import type { ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import type { StoreTx } from '../store/store';
import { recordAdminChange } from './audit';

/** The reference data a change is checked against, kept up to date as a writer writes (reads see one transaction). */
export interface ReferenceLists {
  departments: Department[];
  units: Unit[];
  locations: Location[];
  users: User[];
}

/** Writes reference data in one transaction: the store's transaction, the caller and the lists to check against. */
export interface ReferenceWriter {
  tx: StoreTx;
  ctx: ServiceContext;
  lists: ReferenceLists;
}

type DepartmentInput = ProcedureArgs<'departments.save'>;
type UnitInput = ProcedureArgs<'units.save'>;
type LocationInput = ProcedureArgs<'locations.save'>;
type UserInput = ProcedureArgs<'users.save'>;

/** Every holding reservation is due before this instant: dueReservations up to it lists them all. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

export async function loadReferenceLists(ctx: ServiceContext): Promise<ReferenceLists> {
  const [departments, units, locations, users] = await Promise.all([
    ctx.store.listDepartments(),
    ctx.store.listUnits(),
    ctx.store.listLocations(),
    ctx.store.listUsers(),
  ]);
  return { departments, units, locations, users };
}

/** Runs `fn` with a writer in one transaction, its lists read at the start of it. */
async function inTransaction<T>(ctx: ServiceContext, fn: (w: ReferenceWriter) => Promise<T>): Promise<T> {
  return ctx.store.transaction(async (tx) => fn({ tx, ctx, lists: await loadReferenceLists(ctx) }));
}

/** Where records of one kind are kept: the writer's list, the store's put, the audit subject and fields not listed. */
interface Kept<T> {
  list: T[];
  put(record: T): void;
  subject: AdminAuditSubject;
  skip?: readonly string[];
}

/**
 * Writes a record, keeps the writer's list current and records the change in the same transaction: created when
 * there was no record before, else changed (or the action given).
 */
function keepRecord<T extends { id: string; name: string }>(
  w: ReferenceWriter,
  kept: Kept<T>,
  record: T,
  before: T | undefined,
  action: AdminAuditEntry['action'] = before ? 'changed' : 'created',
): T {
  kept.put(record);
  const at = kept.list.findIndex((x) => x.id === record.id);
  if (at >= 0) kept.list[at] = record;
  else kept.list.push(record);
  recordAdminChange(w.tx, w.ctx, { subject: kept.subject, subjectId: record.id, subjectName: record.name, action, before, after: record, skip: kept.skip ?? ['id'] });
  return record;
}

/** Names compare as a person reads them: ignoring case and surrounding spaces. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');
}

function existing<T extends { id: string }>(list: T[], id: string | undefined, entity: 'department' | 'unit' | 'location' | 'user'): T | undefined {
  if (id === undefined) return undefined;
  const found = list.find((x) => x.id === id);
  if (!found) throw notFound(entity, id);
  return found;
}

function departmentOf(w: ReferenceWriter, id: string): Department {
  const department = w.lists.departments.find((d) => d.id === id);
  if (!department) throw new AppError('NOT_FOUND', { entity: 'department', key: id }, undefined, { departmentId: 'department_unknown' });
  return department;
}

// ---- Administrations ----

/**
 * Adds an administration (no id) or changes one. Its reservation approval is kept as it is.
 * @throws NOT_FOUND, CODE_TAKEN
 */
export async function writeDepartment(w: ReferenceWriter, input: DepartmentInput, newId?: string): Promise<Department> {
  const before = existing(w.lists.departments, input.id, 'department');
  const id = before?.id ?? newId ?? randomUUID();
  const other = w.lists.departments.find((d) => d.id !== id && sameName(d.code, input.code));
  if (other) throw new AppError('CODE_TAKEN', { code: input.code, department: other.name }, undefined, { code: 'code_taken' });
  const department: Department = { ...before, id, code: input.code, name: input.name, nameEn: input.nameEn };
  // The approval settings have their own entries (departments.setApproval).
  return keepRecord(w, { list: w.lists.departments, put: (d) => w.tx.putDepartment(d), subject: 'department', skip: ['id', 'approval'] }, department, before);
}

/** departments.save. @throws NOT_FOUND, CODE_TAKEN */
export function saveDepartment(ctx: ServiceContext, input: DepartmentInput): Promise<Department> {
  return inTransaction(ctx, (w) => writeDepartment(w, input));
}

// ---- Units ----

/**
 * Adds a unit to an administration (no id) or changes one. Its name is unique within the administration; a unit
 * people belong to stays in its administration (their unit must be one of their administration's).
 * @throws NOT_FOUND, NAME_TAKEN, UNIT_IN_USE
 */
export async function writeUnit(w: ReferenceWriter, input: UnitInput, newId?: string): Promise<Unit> {
  const before = existing(w.lists.units, input.id, 'unit');
  const department = departmentOf(w, input.departmentId);
  const id = before?.id ?? newId ?? randomUUID();
  const twin = w.lists.units.find((u) => u.id !== id && u.departmentId === department.id && sameName(u.name, input.name));
  if (twin) throw new AppError('NAME_TAKEN', { name: input.name, within: department.name }, undefined, { name: 'name_taken' });
  if (before && before.departmentId !== department.id) {
    const people = w.lists.users.filter((u) => u.unitId === id).length;
    if (people > 0) throw new AppError('UNIT_IN_USE', { unit: before.name, count: people }, undefined, { departmentId: 'unit_has_people' });
  }
  return keepRecord(w, { list: w.lists.units, put: (u) => w.tx.putUnit(u), subject: 'unit' }, { id, departmentId: department.id, name: input.name }, before);
}

/** units.save. @throws NOT_FOUND, NAME_TAKEN, UNIT_IN_USE */
export function saveUnit(ctx: ServiceContext, input: UnitInput): Promise<Unit> {
  return inTransaction(ctx, (w) => writeUnit(w, input));
}

/**
 * Removes a unit no person belongs to. Hand-overs that named it keep its name in their trail event, so the
 * trail reads the same afterwards; a unit people belong to is refused rather than deactivated, because a person
 * needs a real unit (move them first).
 * @throws NOT_FOUND, UNIT_IN_USE
 */
export function removeUnit(ctx: ServiceContext, input: { id: string }): Promise<Record<string, never>> {
  return inTransaction(ctx, async (w) => {
    const unit = existing(w.lists.units, input.id, 'unit')!; // why: existing throws for an unknown id, so a given id always finds one
    const people = w.lists.users.filter((u) => u.unitId === unit.id).length;
    if (people > 0) throw new AppError('UNIT_IN_USE', { unit: unit.name, count: people }, undefined, { id: 'unit_has_people' });
    w.tx.removeUnit(unit.id);
    w.lists.units = w.lists.units.filter((u) => u.id !== unit.id);
    recordAdminChange(w.tx, w.ctx, { subject: 'unit', subjectId: unit.id, subjectName: unit.name, action: 'removed', before: unit, skip: ['id'] });
    return {};
  });
}

// ---- Locations ----

/** What stands on or points at a location: devices recorded there, shelves under it, holding reservations delivering to it. */
export interface LocationUse {
  devices: number;
  shelves: number;
  reservations: number;
}

export async function locationUse(w: ReferenceWriter, location: Location): Promise<LocationUse> {
  const found = await w.ctx.store.searchDevices({ locationId: location.id, sort: 'updated_desc', limit: 1, offset: 0 });
  const shelves = w.lists.locations.filter((l) => l.parentId === location.id).length;
  const reservations = (await w.ctx.store.dueReservations(END_OF_TIME)).filter((r) => r.locationId === location.id).length;
  return { devices: found.total, shelves, reservations };
}

function inUse(use: LocationUse): boolean {
  return use.devices + use.shelves + use.reservations > 0;
}

function locationInUse(location: Location, use: LocationUse, field: string): AppError {
  return new AppError('LOCATION_IN_USE', { location: location.name, ...use }, undefined, { [field]: 'location_in_use' });
}

const keptLocations = (w: ReferenceWriter): Kept<Location> => ({ list: w.lists.locations, put: (l) => w.tx.putLocation(l), subject: 'location' });

/**
 * Adds or changes a location. A site belongs to an administration (its name unique there), a warehouse stands
 * alone (its name unique among warehouses), a shelf is in a warehouse (its name unique in it). A location keeps
 * its kind; a site or shelf that something stands on stays in its administration or warehouse.
 * @throws NOT_FOUND, NAME_TAKEN, LOCATION_KIND_FIXED, NOT_A_WAREHOUSE, LOCATION_IN_USE
 */
export async function writeLocation(w: ReferenceWriter, input: LocationInput, newId?: string): Promise<Location> {
  const before = existing(w.lists.locations, input.id, 'location');
  if (before && before.kind !== input.kind) throw new AppError('LOCATION_KIND_FIXED', { location: before.name }, undefined, { kind: 'location_kind_fixed' });
  const id = before?.id ?? newId ?? randomUUID();
  let location: Location;
  let within: string;
  let siblings: Location[];
  if (input.kind === 'site') {
    const department = departmentOf(w, input.departmentId);
    location = { id, kind: 'site', name: input.name, departmentId: department.id, ...(input.address ? { address: input.address } : {}) };
    within = department.name;
    siblings = w.lists.locations.filter((l) => l.kind === 'site' && l.departmentId === department.id);
  } else if (input.kind === 'warehouse') {
    location = { id, kind: 'warehouse', name: input.name, ...(input.address ? { address: input.address } : {}) };
    within = (await w.tx.getSettings()).organisationName;
    siblings = w.lists.locations.filter((l) => l.kind === 'warehouse');
  } else {
    const parent = w.lists.locations.find((l) => l.id === input.parentId);
    if (parent?.kind !== 'warehouse') throw new AppError('NOT_A_WAREHOUSE', { location: parent?.name ?? input.parentId }, undefined, { parentId: 'choose_warehouse' });
    location = { id, kind: 'shelf', name: input.name, parentId: parent.id };
    within = parent.name;
    siblings = w.lists.locations.filter((l) => l.kind === 'shelf' && l.parentId === parent.id);
  }
  if (siblings.some((l) => l.id !== id && sameName(l.name, input.name))) {
    throw new AppError('NAME_TAKEN', { name: input.name, within }, undefined, { name: 'name_taken' });
  }
  const moved = before !== undefined && (before.departmentId !== location.departmentId || before.parentId !== location.parentId);
  if (moved) {
    const use = await locationUse(w, before);
    if (inUse(use)) throw locationInUse(before, use, input.kind === 'site' ? 'departmentId' : 'parentId');
  }
  return keepRecord(w, keptLocations(w), location, before);
}

/** locations.save. @throws NOT_FOUND, NAME_TAKEN, LOCATION_KIND_FIXED, NOT_A_WAREHOUSE, LOCATION_IN_USE */
export function saveLocation(ctx: ServiceContext, input: LocationInput): Promise<Location> {
  return inTransaction(ctx, (w) => writeLocation(w, input));
}

/**
 * Removes a location nothing stands on or points at. Trail events keep the location's name, so past events read
 * the same afterwards.
 * @throws NOT_FOUND, LOCATION_IN_USE (naming how many devices, shelves and open reservations)
 */
export function removeLocation(ctx: ServiceContext, input: { id: string }): Promise<Record<string, never>> {
  return inTransaction(ctx, async (w) => {
    const location = existing(w.lists.locations, input.id, 'location')!; // why: existing throws for an unknown id
    const use = await locationUse(w, location);
    if (inUse(use)) throw locationInUse(location, use, 'id');
    w.tx.removeLocation(location.id);
    w.lists.locations = w.lists.locations.filter((l) => l.id !== location.id);
    recordAdminChange(w.tx, w.ctx, { subject: 'location', subjectId: location.id, subjectName: location.name, action: 'removed', before: location, skip: ['id'] });
    return {};
  });
}

// ---- People ----

const keptUsers = (w: ReferenceWriter): Kept<User> => ({ list: w.lists.users, put: (u) => w.tx.putUser(u), subject: 'user' });

/** Active admins among `users` other than `exceptId`: those left if `exceptId` stopped being one (the LAST_ADMIN rule; sign-in through the identity provider keeps it too). */
export function otherActiveAdmins(users: readonly User[], exceptId: string): number {
  return users.filter((u) => u.id !== exceptId && u.role === 'admin' && isActiveUser(u)).length;
}

/** Every person, active or not, by name. */
export async function listUsers(ctx: ServiceContext): Promise<{ items: User[] }> {
  const users = await ctx.store.listUsers();
  return { items: users.sort((a, b) => a.name.localeCompare(b.name, 'da')) };
}

/**
 * Adds a person (no id; active) or changes one (whether they are active stays as it is). The e-mail is unique
 * ignoring case; the unit, when given, is one of the person's administration. A person who stops being their
 * administration's IT contact stops approving its reservations. The last active admin keeps the admin role.
 * @throws NOT_FOUND, EMAIL_TAKEN, UNIT_OF_OTHER_DEPARTMENT, LAST_ADMIN
 */
export async function writeUser(w: ReferenceWriter, input: UserInput, newId?: string): Promise<User> {
  const before = existing(w.lists.users, input.id, 'user');
  const department = departmentOf(w, input.departmentId);
  const id = before?.id ?? newId ?? randomUUID();
  const email = input.email.toLowerCase();
  const twin = w.lists.users.find((u) => u.id !== id && u.email.toLowerCase() === email);
  if (twin) throw new AppError('EMAIL_TAKEN', { email: input.email, person: twin.name }, undefined, { email: 'email_taken' });
  if (input.unitId !== undefined) {
    const unit = w.lists.units.find((u) => u.id === input.unitId);
    if (unit?.departmentId !== department.id) {
      throw new AppError('UNIT_OF_OTHER_DEPARTMENT', { unit: unit?.name ?? input.unitId, department: department.name }, undefined, { unitId: 'unit_of_department' });
    }
  }
  if (before?.role === 'admin' && input.role !== 'admin' && isActiveUser(before) && otherActiveAdmins(w.lists.users, id) === 0) {
    throw new AppError('LAST_ADMIN', { person: before.name }, undefined, { role: 'last_admin' });
  }
  const staysApprover = before?.approver === true && input.role === 'department_contact' && before.departmentId === department.id;
  const user: User = {
    id,
    name: input.name,
    email: input.email,
    role: input.role,
    departmentId: department.id,
    ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
    ...(before?.approver !== undefined ? { approver: staysApprover } : {}),
    ...(before?.active !== undefined ? { active: before.active } : {}),
  };
  return keepRecord(w, keptUsers(w), user, before);
}

/** users.save. @throws NOT_FOUND, EMAIL_TAKEN, UNIT_OF_OTHER_DEPARTMENT, LAST_ADMIN */
export function saveUser(ctx: ServiceContext, input: UserInput): Promise<User> {
  return inTransaction(ctx, (w) => writeUser(w, input));
}

/**
 * Deactivates a person (they leave the profile picker, cannot sign in, and an open session of theirs stops at its
 * next call) or reactivates them. Asking for the state they are in changes nothing and writes no entry.
 * @throws NOT_FOUND, LAST_ADMIN
 */
export function setUserActive(ctx: ServiceContext, input: { id: string; active: boolean }): Promise<User> {
  return inTransaction(ctx, async (w) => {
    const before = existing(w.lists.users, input.id, 'user')!; // why: existing throws for an unknown id
    if (isActiveUser(before) === input.active) return before;
    if (!input.active && before.role === 'admin' && otherActiveAdmins(w.lists.users, before.id) === 0) {
      throw new AppError('LAST_ADMIN', { person: before.name }, undefined, { active: 'last_admin' });
    }
    return keepRecord(w, keptUsers(w), { ...before, active: input.active }, before, input.active ? 'reactivated' : 'deactivated');
  });
}

/** Reads and writes reference data in one transaction of the caller's (the demo seeds a whole municipality in one). */
export function referenceWriter(tx: StoreTx, ctx: ServiceContext, lists: ReferenceLists): ReferenceWriter {
  return { tx, ctx, lists };
}
