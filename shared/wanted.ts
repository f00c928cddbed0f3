/**
 * Availability, wanted requests ("efterlysninger") and notifications: their schemas and pure rules. Kept out of
 * schemas.ts because a wanted request holds a MarketFilter, and market-filter.ts itself imports schemas.ts.
 * Runs anywhere (no Node, no DOM).
 */
import { z } from 'zod';
import { ActorSnapshot, Id, IsoDateTime, IsoDay, type Category, type Device, type Settings } from './schemas';
import { MarketFilter, matchesMarketFilter } from './market-filter';

/** Days a listed device stays on offer when the settings name none for its category. */
export const DEFAULT_OFFER_DAYS = 60;

/**
 * How many days a device of `category` stays on the marketplace before it is suggested for e-waste. The older
 * single setting `ewasteUnclaimedDays` (one figure for every category) is the default of the per-category one,
 * so a data folder configured before this keeps its figure.
 */
export function offerDaysFor(settings: Pick<Settings, 'offerDays' | 'ewasteUnclaimedDays'>, category: Category): number {
  return settings.offerDays?.[category] ?? settings.ewasteUnclaimedDays ?? DEFAULT_OFFER_DAYS;
}

/** The calendar day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const WANTED_STATUSES = ['open', 'closed'] as const;
/** The most devices one wanted request asks for. */
export const WANTED_MAX_QUANTITY = 500;

export const WantedRequest = z.object({
  id: Id,
  /** The administration that needs the devices. */
  departmentId: Id,
  filter: MarketFilter,
  text: z.string().max(500).optional(),
  quantity: z.number().int().min(1).max(WANTED_MAX_QUANTITY),
  /** The last day the request matches (inclusive). */
  endsOn: IsoDay,
  status: z.enum(WANTED_STATUSES),
  createdBy: ActorSnapshot,
  createdAt: IsoDateTime,
  closedAt: IsoDateTime.optional(),
  /** Devices the administration reserved after being told of them by this request: quantity reached stops it. */
  reservedDeviceIds: z.array(Id),
});
export type WantedRequest = z.infer<typeof WantedRequest>;

/** A wanted request's state on a day: open, closed by a person, past its end day, or its quantity reserved. */
export const WANTED_STATES = ['open', 'closed', 'expired', 'fulfilled'] as const;
export type WantedState = (typeof WANTED_STATES)[number];

/** The request's state on `today` (YYYY-MM-DD). Only an open one still looks for devices. */
export function wantedStateOn(r: WantedRequest, today: string): WantedState {
  if (r.status === 'closed') return 'closed';
  if (r.reservedDeviceIds.length >= r.quantity) return 'fulfilled';
  return today > r.endsOn ? 'expired' : 'open';
}

/** The requests among `candidates` that should tell their contact about `device`, listed on `today`. */
export function requestsMatching(device: Device, candidates: Iterable<WantedRequest>, today: string): WantedRequest[] {
  const out: WantedRequest[] = [];
  for (const r of candidates) if (wantedStateOn(r, today) === 'open' && matchesMarketFilter(device, r.filter)) out.push(r);
  return out;
}

/**
 * The key a store indexes open requests by, so matching at listing time reads only the requests of the device's
 * category and those that name none (1,000 open requests spread over the categories: a few dozen per listing).
 */
export const ANY_CATEGORY = '*';
export const wantedIndexKey = (r: WantedRequest): string => r.filter.category ?? ANY_CATEGORY;

export const NOTIFICATION_KINDS = ['wanted_match'] as const;

/** A message to one person, kept until they read it (and after: read ones are listed as read). */
export const Notification = z.object({
  id: Id,
  userId: Id,
  kind: z.enum(NOTIFICATION_KINDS),
  deviceId: Id,
  /** What the device was when the notification was made, so the list reads right without a lookup per item. */
  assetTag: z.string(),
  title: z.string(),
  requestId: Id,
  createdAt: IsoDateTime,
  readAt: IsoDateTime.optional(),
});
export type Notification = z.infer<typeof Notification>;
