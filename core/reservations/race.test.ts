/**
 * First reservation wins across 50 desks (issue 13): 50 department contacts, spread over the administrations,
 * each with their own session and connection to the real HTTP server, reserve the same newly listed device at
 * the same instant, 20 rounds. Each round has exactly one winner; the 49 others are told who holds the device;
 * the device's trail has exactly one `reserved` event. Runs on every store in SERVED_STORES.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, Location, Reservation, User } from '../../shared/schemas';
import { addPeople, signedInClients, signInClient, ApiClient, type Reply } from '../testing/api-client';
import { USERS } from '../demo/reference-data';
import { mulberry32 } from '../demo/generate';
import { SERVED_STORES, startServedCore, type ServedCore } from '../testing/served-core';

const CLIENTS = 50;
const ROUNDS = 20;
const ADMIN = USERS.find((u) => u.role === 'admin')!;

for (const { kind, unavailable } of SERVED_STORES) {
  if (unavailable) console.warn(`race.test.ts on the ${kind} store skipped: ${unavailable}`);
}

/** What one round gave: each client's answer, and the device's trail afterwards. */
interface Round {
  assetTag: string;
  replies: { contact: User; reply: Reply<Reservation> }[];
  reservedEvents: { reservationId: string; departmentId: string }[];
  /** The reservations on record for the device (the newest 100 of all are looked through). */
  reservationIds: string[];
  deviceStatus: string;
}

describe.each(SERVED_STORES)('50 contacts reserve one device at the same instant ($kind store)', ({ kind, unavailable }) => {
  let served: ServedCore;
  let admin: ApiClient | undefined;
  let clients: ApiClient[] = [];
  let contacts: User[] = [];
  let departments: Department[] = [];
  let sites: Location[] = [];
  const rounds: Round[] = [];

  beforeAll(async () => {
    if (unavailable) return;
    served = await startServedCore(kind);
    const a = new ApiClient(served.base, served.secret);
    admin = a;
    await signInClient(a, ADMIN);
    const reference = await a.data('reference.get', {});
    departments = reference.departments;
    sites = reference.locations.filter((l) => l.kind === 'site');
    // The demo has one administration asking for approval: its contact's reservation would wait as a request.
    // The race is about holding a device, so every administration reserves at once here.
    for (const d of departments.filter((x) => x.approval?.required)) {
      await a.data('departments.setApproval', { departmentId: d.id, required: false, days: d.approval?.days ?? 1, approverIds: [] });
    }
    contacts = await addPeople(a, { count: CLIENTS, role: 'department_contact', departmentIds: departments.map((d) => d.id), label: 'Kapløb kontakt' });
    clients = await signedInClients(served.base, served.secret, contacts);
  }, 60_000);

  afterAll(async () => {
    admin?.close();
    for (const c of clients) c.close();
    if (!unavailable) await served.stop();
  });

  /** A new monitor, reported, checked in and put on the marketplace by the admin; its id and tag. */
  function adminClient(): ApiClient {
    if (!admin) throw new Error('the admin signs in before the rounds');
    return admin;
  }

  async function listDevice(round: number): Promise<{ id: string; assetTag: string }> {
    const admin = adminClient();
    const site = sites[round % sites.length]!;
    const reported = await admin.data('devices.report', {
      category: 'monitor',
      manufacturer: 'Dell',
      model: 'P2422H',
      serial: `RACE-${kind}-${round}`,
      locationId: site.id,
      departmentId: site.departmentId,
    });
    await admin.data('devices.checkIn', { assetTag: reported.assetTag, condition: 'B', locationId: 'loc-shelf-A1' });
    await admin.data('devices.publish', { deviceId: reported.id });
    return reported;
  }

  const shuffle = mulberry32(13);

  /**
   * Every client's reservation prepared first (its head on the wire), then all released at once behind one
   * barrier, in a different order each round so no desk is always first on the wire. Answers in client order.
   */
  async function race(deviceId: string): Promise<Reply<Reservation>[]> {
    const prepared = clients.map((client, i) => {
      const site = sites.find((s) => s.departmentId === contacts[i]!.departmentId)!;
      return client.prepare('reservations.create', { deviceId, locationId: site.id });
    });
    const order = prepared.map((_, i) => i).sort(() => shuffle() - 0.5);
    let open: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (open = resolve));
    const released = order.map(async (i) => barrier.then(() => prepared[i]!.release()));
    open();
    const answers = await Promise.all(released);
    return prepared.map((_, i) => answers[order.indexOf(i)]!);
  }

  it.skipIf(unavailable !== undefined)(`has one winner in each of ${ROUNDS} rounds, told to the other ${CLIENTS - 1}, and one reserved event`, async () => {
    expect(new Set(contacts.map((c) => c.departmentId)).size).toBe(departments.length);
    for (let round = 0; round < ROUNDS; round++) {
      const device = await listDevice(round);
      const replies = await race(device.id);
      const detail = await adminClient().data('devices.get', { id: device.id });
      const recent = await adminClient().data('reservations.search', { limit: 100 });
      rounds.push({
        assetTag: device.assetTag,
        replies: replies.map((reply, i) => ({ contact: contacts[i]!, reply })),
        reservedEvents: detail.trail.flatMap((e) => (e.type === 'reserved' ? [{ reservationId: e.reservationId, departmentId: e.departmentId }] : [])),
        deviceStatus: detail.device.status,
        reservationIds: recent.items.filter((x) => x.reservation.deviceId === device.id).map((x) => x.reservation.id),
      });
    }

    for (const r of rounds) {
      const won = r.replies.filter((x) => x.reply.status === 200);
      const lost = r.replies.filter((x) => x.reply.status !== 200);
      expect(won.length, `round of ${r.assetTag}: winners`).toBe(1);
      const winner = won[0]!;
      if (!winner.reply.body.ok) throw new Error('a 200 answer is ok');
      const reservation = winner.reply.body.data;
      expect(reservation).toMatchObject({ status: 'active', departmentId: winner.contact.departmentId });
      const holder = departments.find((d) => d.id === winner.contact.departmentId)!;
      for (const { contact, reply } of lost) {
        expect(reply.status, `${contact.name} on ${r.assetTag}`).toBe(409);
        if (reply.body.ok) throw new Error('a 409 answer is a refusal');
        expect(reply.body.error.code).toBe('RESERVED_BY_OTHER');
        // Told which device and who holds it, in the caller's language (Danish here).
        expect(reply.body.error.message).toBe(`${r.assetTag} er allerede reserveret af ${holder.name} (${holder.code}).`);
      }
      expect(r.reservedEvents, `trail of ${r.assetTag}`).toEqual([{ reservationId: reservation.id, departmentId: holder.id }]);
      expect(r.deviceStatus).toBe('reserved');
      // A refused reservation leaves no record behind.
      expect(r.reservationIds, `reservations of ${r.assetTag}`).toEqual([reservation.id]);
    }
  }, 60_000);
});
