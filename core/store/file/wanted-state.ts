/**
 * The file store's wanted requests and notifications in memory, with the indexes the core asks by: open requests
 * by category (matching at listing time reads a few dozen of 1,000, not all), notifications by person and by device.
 * The committed state holds one; a transaction stages its writes in another and reads both (staged first).
 */
import type { Category } from '../../../shared/schemas';
import { ANY_CATEGORY, wantedIndexKey, type Notification, type WantedRequest } from '../../../shared/wanted';

/** Adds `id` to the list under `key` once, keeping the order ids came in. */
function addTo(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

export class WantedMaps {
  readonly requests = new Map<string, WantedRequest>();
  readonly notifications = new Map<string, Notification>();
  /** Open requests' ids by wantedIndexKey; a closed request leaves its key's set. */
  private readonly openByKey = new Map<string, Set<string>>();
  private readonly byUser = new Map<string, string[]>();
  private readonly byDevice = new Map<string, string[]>();

  putRequest(r: WantedRequest): void {
    const prev = this.requests.get(r.id);
    if (prev) this.openByKey.get(wantedIndexKey(prev))?.delete(r.id);
    this.requests.set(r.id, r);
    if (r.status === 'open') {
      const key = wantedIndexKey(r);
      let ids = this.openByKey.get(key);
      if (!ids) this.openByKey.set(key, (ids = new Set()));
      ids.add(r.id);
    }
  }

  putNotification(n: Notification): void {
    this.notifications.set(n.id, n);
    addTo(this.byUser, n.userId, n.id);
    addTo(this.byDevice, n.deviceId, n.id);
  }

  /** Open requests naming `category` or no category. */
  openFor(category: Category): WantedRequest[] {
    const out: WantedRequest[] = [];
    for (const key of [category, ANY_CATEGORY]) for (const id of this.openByKey.get(key) ?? []) out.push(this.requests.get(id)!);
    return out;
  }

  forUser(userId: string): Notification[] {
    return (this.byUser.get(userId) ?? []).map((id) => this.notifications.get(id)!);
  }

  forDevice(deviceId: string): Notification[] {
    return (this.byDevice.get(deviceId) ?? []).map((id) => this.notifications.get(id)!);
  }
}

/** `committed` with `staged` laid over it by id (a transaction's reads see its own writes). */
export function overlay<T extends { id: string }>(committed: readonly T[], staged: readonly T[]): T[] {
  if (staged.length === 0) return [...committed];
  const byId = new Map(committed.map((v) => [v.id, v]));
  for (const v of staged) byId.set(v.id, v);
  return [...byId.values()];
}
