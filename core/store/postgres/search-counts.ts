/**
 * bench:server (issue 13, wt-srv): a search's total and facet counts without counting the matching rows again on
 * every search. Counting them in SQL read every listed device on each marketplace search (130-165 ms of
 * PostgreSQL's time at 100,000 devices, load average 15) and re-checked every text match against its row (a
 * total of the 17,000 devices matching "dell": 372 ms); those counts were most of what the server did.
 *
 * What is kept, per query (its words, place, batch and serial; not its state, category, administration,
 * marketplace filter, sort or page): the devices it selects grouped by state and by market profile
 * (shared/market-filter.ts marketProfileKey), a few thousand groups at 100,000 devices. A search's total and facets are then counted over the groups with the one
 * predicate (matchesMarketFilter, FacetCounter), as the file store counts them.
 *
 * Kept exact under writes: each committed transaction's device changes (the row before it, the device after) move
 * the devices between the groups of every kept query at once, in this process, before the transaction's caller
 * gets its answer. A query's groups are read in one statement together with that statement's snapshot
 * (pg_current_snapshot), and each transaction says its id: a change is applied to a query's groups exactly when
 * the snapshot they were read in does not show it, also when it committed while they were being read.
 *
 * Writes by another process on the same database (a second server) reach it as a notification (writes-channel.ts):
 * every kept query is then forgotten; while notifications cannot be heard, no query is kept (keeping(false)).
 *
 * A query with words also keeps its matches (members): each device's id and what the sorts order by, in its
 * group. A search's page is then picked from them with its total (countAndPick()) and only its rows are read, by
 * id: walking a sort's index for a word whose devices sort late ("thinkpad" by model among 33,000 listed devices)
 * passed most of the index, 6-10 ms of PostgreSQL's time a search, a third of its time in bench:server. The
 * matches move with the commits as the groups do. A page holds only while no commit of this process that changes
 * the query's devices is in flight or lands before its rows are read (the kept query's version); the store also
 * checks the rows against the search and walks when one does not fit (a change by another server not heard yet).
 *
 * The every-device query (no words, place, batch or serial) keeps its matches too, each with its words (the
 * haystack), up to ALL_MEMBERS_MAX devices. A word query is then not read from PostgreSQL at all: its groups and
 * matches are found among them (derive()). A cold server's first searches read a dozen words at once, each over a
 * second on a busy database, and every other call waited for a connection meanwhile (bench:server's first seconds).
 */
import { matchesMarketFilter } from '../../../shared/market-filter';
import { marketProfileKey } from '../../../shared/market-filter';
import { FacetCounter, type MarketFacets } from '../../../shared/market-facets';
import type { Device } from '../../../shared/schemas';
import { compareDevices, deviceHaystack, matchesQuery, searchTokens, TopK, type SortFields } from '../query';
import { serialKey, type DeviceQuery } from '../store';
import { Conditions, WALK_ROWS_MAX, queryConditions, walkRows } from './sql';

/**
 * The query fields a kept query is read for. State, category and administration are not among them: the groups
 * are kept by state, and category and administration are part of a device's market profile, so one kept query
 * serves every state, category and administration by counting only the groups that have them (the warehouse's
 * Alle enheder by state, word and category: 13 kept queries, not 858; the marketplace's listed devices and every
 * state's list without words: one).
 */
type CountQuery = Pick<DeviceQuery, 'text' | 'locationId' | 'batchId' | 'serial'>;

/** A PostgreSQL snapshot (pg_snapshot's text form xmin:xmax:xip,...): which transactions it shows. */
export interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  running: ReadonlySet<bigint>;
}

export function parseSnapshot(text: string): Snapshot {
  const m = /^(\d+):(\d+):([\d,]*)$/.exec(text);
  if (!m) throw new Error(`Not a PostgreSQL snapshot: ${text}`);
  return { xmin: BigInt(m[1]!), xmax: BigInt(m[2]!), running: new Set(m[3] ? m[3].split(',').map(BigInt) : []) };
}

/** Whether the snapshot shows the (committed) transaction `xid` (PostgreSQL's pg_visible_in_snapshot). */
export const shows = (s: Snapshot, xid: bigint): boolean => xid < s.xmin || (xid < s.xmax && !s.running.has(xid));

/** One device's change by a transaction: as it was before (absent: new) and as it is after. */
export interface DeviceChange {
  before?: Device | undefined;
  after: Device;
}

interface Group {
  /** A device of the group: every device with its profile passes the same filters and counts in the same facets. */
  device: Device;
  count: number;
  /** The group's kept matches (those of its part's `members`): a page is picked from the groups that fit only. */
  members?: Set<Member>;
}

/** A device a kept word query selects: what the sorts read (its year and specs are its group's), and its group. */
interface Member extends SortFields {
  group: Group;
  /** Its words (query.ts deviceHaystack), kept by the every-device query only: a word query's matches are found in them. */
  haystack?: string;
}

/** A kept query's devices in one state: their groups by market profile and (when kept) their matches by id. */
interface Part {
  groups: Map<string, Group>;
  members: Map<string, Member>;
}

interface Entry {
  query: CountQuery;
  tokens: string[];
  snapshot: Snapshot;
  /** By state: a search with a state counts, and picks its page, in that state's part alone. */
  parts: Map<Device['status'], Part>;
  /**
   * Whether the matches are kept: a query with words, and not too many matches (MEMBERS_MAX); or the every-device
   * query, whose matches (each with its words) are where a word query's are found, not a page's source.
   */
  withMembers: boolean;
  /** Raised by every commit that changes the entry's devices: a page picked from it holds until this moves. */
  version: number;
}

/** A search's total and (when asked) facets. */
export interface Counted {
  total: number;
  facets?: MarketFacets;
}

/** A word query's page picked from its kept matches, not read yet. */
export interface KeptPage {
  /** The page's ids, in the query's order. */
  ids: string[];
  /** Whether nothing that changes the query's devices has committed or begun to since the pick. */
  holds(): boolean;
}

/** The parts a search with `status` counts in: that state's, or every state's without one. */
const partsOf = (entry: Entry, status: Device['status'] | undefined): Part[] => {
  if (status === undefined) return [...entry.parts.values()];
  const part = entry.parts.get(status);
  return part ? [part] : [];
};

/** The state's part, made when the state has none yet. */
function partFor(entry: Entry, status: Device['status']): Part {
  let part = entry.parts.get(status);
  if (!part) entry.parts.set(status, (part = { groups: new Map(), members: new Map() }));
  return part;
}

/** Keeps `m` among its part's matches and its group's. */
function addMember(part: Part, m: Member): void {
  part.members.set(m.id, m);
  (m.group.members ??= new Set()).add(m);
}

/** Gives up every match the entry keeps (its groups and counts stay). */
function dropMembers(entry: Entry): void {
  entry.withMembers = false;
  for (const part of entry.parts.values()) {
    part.members.clear();
    for (const group of part.groups.values()) group.members = undefined;
  }
}

/** How many matches an entry keeps. */
const membersHeld = (entry: Entry): number => [...entry.parts.values()].reduce((n, p) => n + p.members.size, 0);

interface Commit {
  xid: bigint;
  changes: readonly DeviceChange[];
}

/** How many queries' groups are kept (about a thousand groups each), the least recently used given up first. */
const MAX_ENTRIES = 256;

/**
 * How many matches the kept word queries hold together (about 200 bytes each), the least recently used query given
 * up first; a query with more than a quarter of them keeps only its groups. bench:server's words at 100,000
 * devices: up to 21,800 matches a word over every state, 7,300 among the listed.
 */
export const MEMBERS_MAX = 400_000;

/**
 * How many devices the every-device query keeps with their words (about 400 bytes each), beside MEMBERS_MAX: a word
 * query's groups and matches are then found among them in the server (about 17 ms a word at 100,000 devices)
 * instead of read through the words' trigram index and the rows (60-230 ms of PostgreSQL's time each, and over a
 * second each when a cold server's first searches read a dozen words at once: bench:server's first seconds).
 * More devices than this: each word query is read from PostgreSQL, as any query with a place, batch or serial is.
 */
export const ALL_MEMBERS_MAX = 300_000;

/** The kept query of every device: no words, place, batch or serial. */
const EVERY_DEVICE: CountQuery = { text: undefined, locationId: undefined, batchId: undefined, serial: undefined };

/** Whether a query is words alone (no place, batch or serial): its matches can be found among every device's words. */
const onlyWords = (q: CountQuery): boolean => q.locationId === undefined && q.batchId === undefined && q.serial === undefined;

/** A group row of the counting statement. */
interface GroupRow {
  status: Device['status'];
  category: Device['category'];
  department_id: string;
  condition: Device['condition'] | null;
  ram_gb: number | null;
  storage_gb: number | null;
  screen_inch: number | null;
  year: number | null;
  data_bearing: boolean;
  wiped: boolean;
  available_from: string | null;
  n: number;
  /**
   * The group's devices (a query with words): id, updated_at, reported_at, manufacturer, model each; and their
   * haystack (the every-device query).
   */
  m?: [string, string, string, string, string, string?][];
}

/** A device standing for a group row: it has every field marketProfileKey names, and only those. */
function groupDevice(r: GroupRow): Device {
  const d = {
    status: r.status,
    category: r.category,
    departmentId: r.department_id,
    ...(r.condition !== null ? { condition: r.condition } : {}),
    specs: { ...(r.ram_gb !== null ? { ramGb: r.ram_gb } : {}), ...(r.storage_gb !== null ? { storageGb: r.storage_gb } : {}), ...(r.screen_inch !== null ? { screenInch: r.screen_inch } : {}) },
    ...(r.year !== null ? { year: r.year } : {}),
    dataBearing: r.data_bearing,
    // The row keeps whether a wipe is on record, not the record's id; the predicate and the facets ask only that.
    ...(r.wiped ? { sanitizationId: 'wiped' } : {}),
    ...(r.available_from !== null ? { availableFrom: r.available_from } : {}),
  };
  return d as Device; // why: matchesMarketFilter and FacetCounter read only the fields marketProfileKey names, all set above
}

/** The limits of what is kept, when not the constants' (tests). */
export interface SearchCountsOptions {
  allMembersMax?: number;
  walkRowsMax?: number;
}

/** Runs one statement on the pool. */
type Query = <R extends object>(sql: string, args?: unknown[]) => Promise<R[]>;

export class SearchCounts {
  private readonly entries = new Map<string, Entry>();
  /** Readings in progress, by query key: searches of the same query at once share one. */
  private readonly reading = new Map<string, Promise<Entry>>();
  /** Commits applied while a reading was in progress, numbered: the reading's snapshot may not show them. */
  private recent: (Commit & { seq: number })[] = [];
  private commits = 0;
  /** The readings in progress, each with the number of the first commit applied after it began. */
  private readonly readings = new Set<{ from: number }>();
  /** Raised by clear(): a reading begun before it is used for its own search only. */
  private epoch = 0;
  /** Whether counts may be kept: only while other processes' writes can be heard (writes-channel.ts). */
  private keep = true;
  /** The device changes of this process's commits in flight: COMMIT sent, not yet applied here (or failed). */
  private readonly inFlight = new Set<readonly DeviceChange[]>();
  private waiting: (() => void)[] = [];

  /**
   * `allMembersMax`: ALL_MEMBERS_MAX unless given (a test reads every word query from PostgreSQL with 0);
   * `walkRowsMax`: WALK_ROWS_MAX unless given (a test picks every page without words from the kept matches with 0).
   */
  constructor(
    private readonly query: Query,
    private readonly options: SearchCountsOptions = {},
  ) {}

  /** The total and (when asked) the facets of `qy`, counted over its kept groups. */
  async count(qy: DeviceQuery): Promise<Counted> {
    return tally(await this.entry(qy), qy);
  }

  /**
   * count(), and for a query whose matches are kept its page picked from them, of the same state: or `busy`
   * while a commit of this process that changes the query's devices is in flight (its rows may already be
   * visible, the matches do not show it yet: wait with settled()). No page when the matches are not kept (too
   * many matches, a place, batch or serial, not kept at all), nor without words when a walk of the sort's index
   * would find the page within WALK_ROWS_MAX rows.
   */
  async countAndPick(qy: DeviceQuery): Promise<{ counted: Counted; page?: KeptPage | 'busy' }> {
    const key = keyOf(qy);
    const entry = await this.entry(qy, key);
    const counted = tally(entry, qy);
    // No page to pick: the matches are not kept, or the page is empty (the search answers without one).
    if (!entry.withMembers || this.entries.get(key) !== entry || qy.limit === 0 || qy.offset >= counted.total) return { counted };
    // Without words (the every-device query), only a category, administration or marketplace filter makes a walk of
    // the sort's index pass rows it does not want, and how many is not known from the counts: a category sorts
    // with its manufacturers (one category by model among every state passed most of the index, 217-321 ms of one
    // core, which slowed every other call meanwhile). Such a page is picked in the server, from the
    // groups that fit alone; a search with none of them is walked, unless the counts say the walk is long anyway.
    if (entry.tokens.length === 0 && !narrowed(qy) && walkRows(qy, counted.total, walked(entry, qy)) <= (this.options.walkRowsMax ?? WALK_ROWS_MAX)) return { counted };
    if (this.changing(entry)) return { counted, page: 'busy' };
    const version = entry.version;
    return { counted, page: { ids: pageIds(entry, qy), holds: () => this.entries.get(key) === entry && entry.version === version && !this.changing(entry) } };
  }

  /** A transaction that wrote these device changes sends its COMMIT; commitEnded() follows once applied or failed. */
  commitBegins(changes: readonly DeviceChange[]): void {
    this.inFlight.add(changes);
  }

  commitEnded(changes: readonly DeviceChange[]): void {
    this.inFlight.delete(changes);
    if (this.inFlight.size > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** Resolves once no commit is in flight. */
  settled(): Promise<void> {
    return this.inFlight.size === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Whether a commit in flight changes a device the entry selects (before or after). */
  private changing(entry: Entry): boolean {
    for (const changes of this.inFlight) for (const { before, after } of changes) if ((before && selects(entry, before)) || selects(entry, after)) return true;
    return false;
  }

  /** A transaction `xid` committed these device changes: every kept query whose snapshot does not show it follows them. */
  committed(xid: bigint, changes: readonly DeviceChange[]): void {
    if (changes.length === 0) return;
    const commit = { xid, changes, seq: this.commits++ };
    for (const entry of this.entries.values()) apply(entry, commit);
    if (this.readings.size > 0) this.recent.push(commit);
    // New matches count against MEMBERS_MAX as the read ones do.
    this.withinMembersMax(undefined);
  }

  /** Forgets every kept query (the devices were written outside a transaction: import, clearing). */
  clear(): void {
    this.entries.clear();
    this.reading.clear();
    this.epoch++;
  }

  /** Whether counts are kept now (a second count for a search then costs no statement once read). */
  get kept(): boolean {
    return this.keep;
  }

  /** Whether readings are kept for later searches; off: each search counts afresh, nothing is kept. */
  keeping(on: boolean): void {
    this.keep = on;
    if (!on) this.clear();
  }

  /** Gives up the least recently used queries' kept matches (their groups stay) until all fit in MEMBERS_MAX. */
  private withinMembersMax(newest: Entry | undefined): void {
    let held = 0;
    // The every-device query's matches have their own limit (ALL_MEMBERS_MAX), checked when it is read.
    for (const e of this.entries.values()) if (e.tokens.length > 0) held += membersHeld(e);
    for (const e of this.entries.values()) {
      if (held <= MEMBERS_MAX) return;
      if (e === newest || !e.withMembers || e.tokens.length === 0) continue;
      held -= membersHeld(e);
      dropMembers(e);
    }
  }

  private async entry(qy: CountQuery, key = keyOf(qy)): Promise<Entry> {
    const query: CountQuery = { text: qy.text, locationId: qy.locationId, batchId: qy.batchId, serial: qy.serial };
    const tokens = searchTokens(qy.text);
    const kept = this.used(key);
    if (kept) return kept;
    if (tokens.length > 0 && !this.reading.has(key) && this.keep && onlyWords(query)) {
      // Words alone: the matches are found among every device's words, kept (and read first, when not kept yet).
      const all = await this.entry(EVERY_DEVICE, EVERY_DEVICE_KEY);
      if (all.withMembers && this.entries.get(EVERY_DEVICE_KEY) === all) return this.used(key) ?? this.derive(key, query, tokens, all);
    }
    let pending = this.reading.get(key);
    if (!pending) {
      pending = this.read(key, query, tokens);
      this.reading.set(key, pending);
    }
    return pending;
  }

  /** The kept query of `key`, if kept, made the most recently used (last: the first in the map is given up first). */
  private used(key: string): Entry | undefined {
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
    }
    return kept;
  }

  /** Keeps a query read or found, within MAX_ENTRIES and MEMBERS_MAX. */
  private remember(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.withinMembersMax(entry);
  }

  /**
   * A word query's groups and matches found among the every-device query's kept matches by their words, as the
   * SQL reading finds them by the haystack column (the same deviceHaystack, LIKE '%word%' for each word). No
   * statement: the every-device query is exact up to the commits applied so far, and the new query takes its
   * snapshot, so a commit applied from now on is applied to both, and one applied before is in both already.
   */
  private derive(key: string, query: CountQuery, tokens: string[], all: Entry): Entry {
    const entry: Entry = { query, tokens, snapshot: all.snapshot, parts: new Map(), withMembers: true, version: 0 };
    let matches = 0;
    for (const [status, from] of all.parts) {
      const part: Part = { groups: new Map(), members: new Map() };
      const groups = new Map<Group, Group>(); // the every-device query's group → this query's
      next: for (const m of from.members.values()) {
        for (const t of tokens) if (!m.haystack!.includes(t)) continue next; // why: the every-device query keeps every match's haystack
        let group = groups.get(m.group);
        if (!group) groups.set(m.group, (group = { device: m.group.device, count: 0 }));
        group.count++;
        addMember(part, { id: m.id, updatedAt: m.updatedAt, reportedAt: m.reportedAt, manufacturer: m.manufacturer, model: m.model, year: m.year, specs: m.specs, group });
        matches++;
      }
      if (groups.size === 0) continue;
      for (const group of groups.values()) part.groups.set(marketProfileKey(group.device), group);
      entry.parts.set(status, part);
    }
    if (matches > MEMBERS_MAX / 4) dropMembers(entry);
    this.remember(key, entry);
    return entry;
  }

  /** Reads a query's groups and the snapshot they were read in, then brings them up to the commits applied since. */
  private async read(key: string, query: CountQuery, tokens: string[]): Promise<Entry> {
    const epoch = this.epoch;
    const reading = { from: this.commits };
    this.readings.add(reading);
    try {
      const c = new Conditions();
      queryConditions(query as DeviceQuery, c); // why: queryConditions reads only the query's own fields, all in CountQuery
      const everyDevice = key === EVERY_DEVICE_KEY;
      const withMembers = (tokens.length > 0 || everyDevice) && this.keep;
      const [row] = await this.query<{ snapshot: string; groups: GroupRow[] }>(
        `SELECT pg_current_snapshot()::text AS snapshot, (SELECT COALESCE(json_agg(g), '[]') FROM (
           SELECT status, category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from, COUNT(*) AS n
           ${withMembers ? `, json_agg(json_build_array(id, updated_at, reported_at, manufacturer, model${everyDevice ? ', haystack' : ''})) AS m` : ''}
           FROM devices ${c.sql()} GROUP BY status, category, department_id, condition, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from) g) AS groups`,
        c.args,
      );
      let matches = 0;
      for (const r of row!.groups) matches += Number(r.n);
      const entry: Entry = { query, tokens, snapshot: parseSnapshot(row!.snapshot), parts: new Map(), withMembers: withMembers && matches <= (everyDevice ? (this.options.allMembersMax ?? ALL_MEMBERS_MAX) : MEMBERS_MAX / 4), version: 0 };
      const names = new Map<string, string>(); // one copy of each manufacturer and model name, not one a match
      const named = (s: string) => names.get(s) ?? (names.set(s, s), s);
      for (const r of row!.groups) {
        const device = groupDevice(r);
        const group = { device, count: Number(r.n) };
        const part = partFor(entry, r.status);
        part.groups.set(marketProfileKey(device), group);
        if (!entry.withMembers) continue;
        for (const [id, updatedAt, reportedAt, manufacturer, model, haystack] of r.m ?? []) {
          addMember(part, memberOf({ id, updatedAt, reportedAt, manufacturer: named(manufacturer), model: named(model) }, group, haystack));
        }
      }
      // Those applied before the reading began committed before its snapshot was taken: it shows them.
      for (const commit of this.recent) if (commit.seq >= reading.from) apply(entry, commit);
      if (epoch === this.epoch && this.keep) this.remember(key, entry);
      return entry;
    } finally {
      if (epoch === this.epoch) this.reading.delete(key);
      this.readings.delete(reading);
      const from = Math.min(...[...this.readings].map((r) => r.from));
      this.recent = this.recent.filter((c) => c.seq >= from);
    }
  }
}

/** The kept query a search counts over: its own fields, not its category, administration, filter, sort or page. */
const keyOf = (qy: CountQuery): string => JSON.stringify([qy.locationId, qy.batchId, qy.serial === undefined ? null : serialKey(qy.serial), searchTokens(qy.text)]);
const EVERY_DEVICE_KEY = keyOf(EVERY_DEVICE);

/** The total and (when asked) the facets of `qy`, counted over the entry's groups. */
function tally(entry: Entry, qy: DeviceQuery): Counted {
  const filter = qy.filter ?? {};
  const facets = qy.facets ? new FacetCounter(filter) : undefined;
  let total = 0;
  // Loops, not arrays of the groups: the every-device query has thousands of groups, counted on every search.
  for (const part of partsOf(entry, qy.status)) {
    for (const g of part.groups.values()) {
      if (!ofCategoryAndAdministration(g, qy)) continue;
      if (facets ? facets.add(g.device, g.count) : matchesMarketFilter(g.device, filter)) total += g.count;
    }
  }
  return facets ? { total, facets: facets.result() } : { total };
}

/** Whether a group's devices are of the search's category and administration (when it asks for them). */
const ofCategoryAndAdministration = (g: Group, qy: DeviceQuery): boolean =>
  (qy.category === undefined || g.device.category === qy.category) && (qy.departmentId === undefined || g.device.departmentId === qy.departmentId);

/** Whether a search asks for less than its state's devices by their market profile: category, administration, filter. */
const narrowed = (qy: DeviceQuery): boolean => qy.category !== undefined || qy.departmentId !== undefined || Object.keys(qy.filter ?? {}).length > 0;

/** The rows the sort's index holds for `qy`'s state (every device without one): what its walk passes at most. */
const walked = (entry: Entry, qy: DeviceQuery): number => partsOf(entry, qy.status).reduce((n, part) => n + part.members.size, 0);

/** The ids of `qy`'s page in its order, picked from the entry's kept matches. */
function pageIds(entry: Entry, qy: DeviceQuery): string[] {
  const filter = qy.filter ?? {};
  // The category, administration and marketplace filter ask only a device's market profile: once per group, and
  // only the matches of the groups that fit are looked at (the phones' among every device).
  const fit: Set<Member>[] = [];
  let most = 0;
  for (const part of partsOf(entry, qy.status)) {
    for (const g of part.groups.values()) {
      if (!g.members || !ofCategoryAndAdministration(g, qy) || !matchesMarketFilter(g.device, filter)) continue;
      fit.push(g.members);
      most += g.members.size;
    }
  }
  const top = new TopK<Member>(qy.offset + qy.limit, compareDevices(qy.sort), most);
  for (const members of fit) for (const m of members) top.offer(m);
  return top
    .sorted()
    .slice(qy.offset)
    .map((m) => m.id);
}

/**
 * Moves the commit's devices between the entry's groups (and its matches, when kept), unless the entry's snapshot
 * already shows the commit.
 */
function apply(entry: Entry, commit: Commit): void {
  if (shows(entry.snapshot, commit.xid)) return;
  for (const { before, after } of commit.changes) {
    const was = before !== undefined && selects(entry, before);
    const is = selects(entry, after);
    if (was || is) entry.version++;
    if (was) {
      const part = entry.parts.get(before.status);
      if (part) {
        move(part.groups, before, -1);
        const m = part.members.get(before.id);
        if (m) {
          part.members.delete(before.id);
          m.group.members?.delete(m);
        }
      }
    }
    if (is) {
      const part = partFor(entry, after.status);
      const group = move(part.groups, after, 1)!;
      // The every-device query keeps each match's words: word queries found later look in them.
      if (entry.withMembers) addMember(part, memberOf(after, group, entry.tokens.length === 0 ? haystackOf(after) : undefined));
    }
  }
}

const selects = (entry: Entry, d: Device): boolean => matchesQuery(d, entry.query as DeviceQuery, entry.tokens, haystackOf(d)); // why: matchesQuery reads only the query's own fields

/**
 * A changed device's words, made once: a commit's changes are asked of every kept query (apply), and of the kept
 * queries a search picks its page from while the commit is in flight (changing), each the same device object.
 */
const haystacks = new WeakMap<Device, string>();
function haystackOf(d: Device): string {
  let h = haystacks.get(d);
  if (h === undefined) haystacks.set(d, (h = deviceHaystack(d)));
  return h;
}

/** A match of a kept word query: its year and specs (which the sorts read) are its group's, part of its profile. */
const memberOf = (d: Pick<Device, 'id' | 'updatedAt' | 'reportedAt' | 'manufacturer' | 'model'>, group: Group, haystack?: string): Member => ({
  id: d.id,
  updatedAt: d.updatedAt,
  reportedAt: d.reportedAt,
  manufacturer: d.manufacturer,
  model: d.model,
  year: group.device.year,
  specs: group.device.specs,
  group,
  ...(haystack !== undefined ? { haystack } : {}),
});

/** Counts `d` in (by 1) or out of (by -1) its group; the group it is in after, if any. */
function move(groups: Map<string, Group>, d: Device, by: number): Group | undefined {
  const key = marketProfileKey(d);
  const g = groups.get(key);
  if (!g) {
    if (by <= 0) return undefined;
    const group = { device: d, count: by };
    groups.set(key, group);
    return group;
  }
  g.count += by;
  if (g.count <= 0) groups.delete(key);
  return g;
}
