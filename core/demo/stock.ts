/**
 * The warehouse's standing stock in the demo: for each common category a few devices reported in the last two
 * weeks and checked in on a shelf, not yet graded further (no wipe, not listed). The history alone (history.ts)
 * leaves stock to chance: a device stays in stock only days between check-in and wipe or e-waste, so on some
 * days the demo had no laptop in stock at all, and "Modtag på lager", "Datasletning" and e-waste had nothing to
 * show. Written after the history, on its own random stream and relative to `now`, so it is the same at any
 * hour and changes nothing else the demo shows; before approval is turned on (approval.ts), so every report is
 * an ordinary one.
 */
import type { Category, Condition } from '../../shared/schemas';
import { checkIn, reportDevice } from '../devices/service';
import type { Store } from '../store/store';
import { args, contextOf, StepClock } from './ewaste';
import { MODELS, mulberry32 } from './generate';
import { LOCATIONS, USERS } from './reference-data';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Devices in stock per category, the categories departments ask for most. */
export const STANDING_STOCK: Readonly<Partial<Record<Category, number>>> = { laptop: 4, monitor: 3, desktop: 2, phone: 2, tablet: 2 };

export async function seedStockDemo(store: Store, now: Date, seed = 2027): Promise<number> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const end = now.getTime();
  const contacts = USERS.filter((u) => u.role === 'department_contact');
  const staff = USERS.filter((u) => u.role === 'warehouse');
  const shelves = LOCATIONS.filter((l) => l.kind === 'shelf');

  const plans = Object.entries(STANDING_STOCK).flatMap(([category, n]) =>
    Array.from({ length: n }, () => {
      const model = pick(MODELS.filter((m) => m.category === category));
      const contact = pick(contacts);
      const reportedAt = end - between(4, 14) * DAY;
      return {
        model,
        contact,
        site: pick(LOCATIONS.filter((l) => l.kind === 'site' && l.departmentId === contact.departmentId)),
        year: model.years[0] + Math.floor(rnd() * (model.years[1] - model.years[0] + 1)),
        serial: `${model.manufacturer.slice(0, 2).toUpperCase()}${Math.floor(rnd() * 1e9).toString(36).toUpperCase().padStart(7, '0')}`,
        reportedAt,
        // At least two hours before now, so every event of the stock is in the past however late `now` is.
        checkedInAt: Math.min(reportedAt + between(1, 3) * DAY, end - 2 * HOUR),
        condition: pick(['A', 'B', 'B', 'C'] as const satisfies readonly Condition[]),
        shelf: pick(shelves),
        by: pick(staff),
      };
    }),
  );

  // Reported in time order and checked in in time order, on a clock that only goes forward.
  plans.sort((a, b) => a.reportedAt - b.reportedAt);
  const clock = new StepClock(plans[0]?.reportedAt ?? end);
  const reported: { assetTag: string; plan: (typeof plans)[number] }[] = [];
  for (const p of plans) {
    clock.set(p.reportedAt);
    const d = await reportDevice(
      await contextOf(store, clock, p.contact.id),
      args('devices.report', { category: p.model.category, manufacturer: p.model.manufacturer, model: p.model.model, serial: p.serial, specs: p.model.specs, year: p.year, locationId: p.site.id }),
    );
    reported.push({ assetTag: d.assetTag, plan: p });
  }
  for (const { assetTag, plan: p } of reported.sort((a, b) => a.plan.checkedInAt - b.plan.checkedInAt)) {
    clock.set(p.checkedInAt);
    await checkIn(await contextOf(store, clock, p.by.id), args('devices.checkIn', { assetTag, condition: p.condition, locationId: p.shelf.id }));
  }
  return plans.length;
}
