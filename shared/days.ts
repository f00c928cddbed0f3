/** Calendar days in Danish time: the day a person in Copenhagen would write for an instant. */
const COPENHAGEN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) it is in Copenhagen at `instant`. */
export function copenhagenDay(instant: Date): string {
  return COPENHAGEN_DAY.format(instant);
}

const COPENHAGEN_WALL = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far Copenhagen's clock is ahead of UTC at `ms` (1 or 2 hours), in milliseconds. */
function copenhagenOffsetMs(ms: number): number {
  const p: Record<string, number> = {};
  for (const part of COPENHAGEN_WALL.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(ms / 1000) * 1000;
}

/** The instant a day (YYYY-MM-DD) begins in Copenhagen: midnight there, 23:00 or 22:00 UTC the day before. */
export function copenhagenMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const utc = Date.UTC(y!, m! - 1, d!);
  // Midnight is never inside a daylight-saving jump in Denmark (they happen at 02:00 and 03:00), so the
  // offset an hour or two before UTC midnight is the one in force at local midnight.
  return new Date(utc - copenhagenOffsetMs(utc - 2 * 3600_000));
}

/** Copenhagen's offset per UTC hour: daylight saving changes on the hour (01:00 UTC), so one hour has one offset. */
const OFFSET_BY_HOUR = new Map<number, number>();

/**
 * The instant's wall-clock time in Copenhagen as a UTC timestamp (ms): what a spreadsheet, which has no time
 * zones, must be given so it shows the Danish date and time. Cached per hour: an export converts 100,000 of them.
 */
export function copenhagenWallMs(ms: number): number {
  const hour = Math.floor(ms / 3600_000);
  let offset = OFFSET_BY_HOUR.get(hour);
  if (offset === undefined) {
    offset = copenhagenOffsetMs(hour * 3600_000);
    OFFSET_BY_HOUR.set(hour, offset);
  }
  return ms + offset;
}
