/**
 * Demo wanted requests, so "Efterlysninger" is not empty on a first start: two administrations asking for what
 * departments typically lack (laptops for home care staff, large monitors for a library's PCs). Made through the
 * service, as a contact would, after the history (so they notify only of what is listed from now on).
 */
import { addDays } from '../../shared/wanted';
import type { ServiceContext } from '../context';
import { todayOf } from '../context';
import type { Store } from '../store/store';
import { createWanted } from '../wanted/service';

async function asUser(store: Store, now: Date, userId: string): Promise<ServiceContext | undefined> {
  const user = await store.getUser(userId);
  if (!user) return undefined;
  return { store, clock: { now: () => now }, actor: { kind: 'user', user, department: await store.getDepartment(user.departmentId) } };
}

export async function seedWantedDemo(store: Store, now: Date): Promise<void> {
  const buf = await asUser(store, now, 'user-buf-1');
  const kff = await asUser(store, now, 'user-kff-1');
  if (buf) {
    await createWanted(buf, {
      filter: { category: 'laptop', ramMinGb: 16, screenMinInch: 13, screenMaxInch: 15 },
      text: 'Til pædagoger i dagtilbud, der skal dokumentere i Aula',
      quantity: 3,
      endsOn: addDays(todayOf(buf), 45),
    });
  }
  if (kff) {
    await createWanted(kff, {
      filter: { category: 'monitor', screenMinInch: 24 },
      text: 'Til lånerpc’er på biblioteket',
      quantity: 2,
      endsOn: addDays(todayOf(kff), 60),
    });
  }
}
