import { afterEach, describe, expect, it } from 'vitest';
import { sessionIdleMs, StartupProblem } from './startup';

describe('KREDSLOB_SESSION_IDLE_MINUTES (the idle limit of a store whose settings name none)', () => {
  const before = process.env.KREDSLOB_SESSION_IDLE_MINUTES;
  afterEach(() => {
    if (before === undefined) delete process.env.KREDSLOB_SESSION_IDLE_MINUTES;
    else process.env.KREDSLOB_SESSION_IDLE_MINUTES = before;
  });

  it('is 8 hours when unset, and keeps the setting’s bounds of 15 minutes to 7 days', () => {
    delete process.env.KREDSLOB_SESSION_IDLE_MINUTES;
    expect(sessionIdleMs()).toBe(480 * 60_000);
    for (const [given, ms] of [['15', 15 * 60_000], ['10080', 10080 * 60_000]] as const) {
      process.env.KREDSLOB_SESSION_IDLE_MINUTES = given;
      expect(sessionIdleMs()).toBe(ms);
    }
    for (const given of ['14', '0', '10081', '8h', '1.5']) {
      process.env.KREDSLOB_SESSION_IDLE_MINUTES = given;
      expect(() => sessionIdleMs(), given).toThrow(StartupProblem);
    }
  });
});
