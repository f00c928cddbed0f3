import { describe, expect, it } from 'vitest';
import { Sessions } from './sessions';

const HOUR = 60 * 60 * 1000;

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-03-02T08:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('standalone sessions', () => {
  it('ends a session left idle for 8 hours by default, and a call keeps it alive', () => {
    const clock = manualClock();
    const sessions = new Sessions({ clock });
    const token = sessions.start('user-admin-1');
    clock.advance(8 * HOUR - 1);
    expect(sessions.userIdFor(token)).toBe('user-admin-1');
    clock.advance(8 * HOUR - 1); // 16 h after sign-in, but under 8 h since the last call
    expect(sessions.userIdFor(token)).toBe('user-admin-1');
    clock.advance(8 * HOUR);
    expect(sessions.userIdFor(token)).toBeUndefined();
    clock.advance(-8 * HOUR); // an expired session stays gone even if the clock goes back
    expect(sessions.userIdFor(token)).toBeUndefined();
  });

  it('honours a shorter idle limit', () => {
    const clock = manualClock();
    const sessions = new Sessions({ clock, idleMs: 15 * 60 * 1000 });
    const token = sessions.start('user-buf-1');
    clock.advance(15 * 60 * 1000);
    expect(sessions.userIdFor(token)).toBeUndefined();
  });

  // Session idle time as a setting (issue 13, wt-account)
  it('takes the idle limit from the settings for sessions already open, and falls back to the server default when they name none', () => {
    const clock = manualClock();
    const sessions = new Sessions({ clock, idleMs: 2 * HOUR });
    expect(sessions.defaultIdleMinutes).toBe(120);
    const token = sessions.start('user-buf-1');
    sessions.applySettings({ sessionIdleMinutes: 30 });
    clock.advance(29 * 60 * 1000);
    expect(sessions.userIdFor(token)).toBe('user-buf-1');
    clock.advance(30 * 60 * 1000); // 30 minutes idle: over, although the server's default is 2 hours
    expect(sessions.userIdFor(token)).toBeUndefined();
    const next = sessions.start('user-buf-1');
    sessions.applySettings({ sessionIdleMinutes: 7 * 24 * 60 });
    clock.advance(6 * 24 * HOUR);
    expect(sessions.userIdFor(next)).toBe('user-buf-1');
    sessions.applySettings({});
    clock.advance(2 * HOUR);
    expect(sessions.userIdFor(next)).toBeUndefined();
  });

  it('ends a signed-out session at once, and signing out twice is harmless', () => {
    const sessions = new Sessions();
    const token = sessions.start('user-buf-1');
    const other = sessions.start('user-buf-1');
    sessions.end(token);
    sessions.end(token);
    sessions.end(undefined);
    expect(sessions.userIdFor(token)).toBeUndefined();
    expect(sessions.userIdFor(other)).toBe('user-buf-1');
  });

  it('keeps at most maxSessions, ending the one used longest ago', () => {
    const clock = manualClock();
    const sessions = new Sessions({ clock, maxSessions: 3 });
    const a = sessions.start('a');
    clock.advance(1000);
    const b = sessions.start('b');
    clock.advance(1000);
    const c = sessions.start('c');
    clock.advance(1000);
    expect(sessions.userIdFor(a)).toBe('a'); // a is now the most recently used; b the oldest
    const d = sessions.start('d');
    expect(sessions.size).toBe(3);
    expect(sessions.userIdFor(b)).toBeUndefined();
    expect([a, c, d].map((t) => sessions.userIdFor(t))).toEqual(['a', 'c', 'd']);
  });
});
