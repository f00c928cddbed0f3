/** How a recycler's certification stands on a day: the register marks the expired and the soon-expiring ones. */

/** A certification this close to its last valid day is marked, so there is time to renew it before a collection. */
export const CERTIFICATION_WARN_DAYS = 60;

export const CERTIFICATION_STANDINGS = ['expired', 'expiring', 'valid'] as const;
export type CertificationStanding = (typeof CERTIFICATION_STANDINGS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** `day` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * expired: its last valid day is before `today` (the same rule a collection is checked by); expiring: it ends
 * within CERTIFICATION_WARN_DAYS of `today`; valid otherwise.
 */
export function certificationStanding(validUntil: string, today: string): CertificationStanding {
  if (validUntil < today) return 'expired';
  return validUntil <= addDays(today, CERTIFICATION_WARN_DAYS) ? 'expiring' : 'valid';
}
