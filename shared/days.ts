/** Calendar days in Danish time: the day a person in Copenhagen would write for an instant. */
const COPENHAGEN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) it is in Copenhagen at `instant`. */
export function copenhagenDay(instant: Date): string {
  return COPENHAGEN_DAY.format(instant);
}
