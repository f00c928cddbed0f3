import { describe, expect, it } from 'vitest';
import { ROLES } from '../shared/schemas';
import { mayCall } from './may-call';
import { matchScreen, mayOpen, menuFor, SCREENS } from './screens';

describe('who sees which screen, from the contract', () => {
  it('gives each role the menu its procedures allow: the warehouse reports surplus too', () => {
    const menu = Object.fromEntries(ROLES.map((r) => [r, menuFor(r).map((s) => s.id)]));
    expect(menu).toEqual({
      department_contact: ['marketplace', 'report', 'reservations', 'wanted'],
      warehouse: ['marketplace', 'report', 'checkIn', 'handOver', 'move', 'stockTake', 'ewaste', 'batches', 'factors', 'allDevices', 'labels'],
      sustainability: ['marketplace', 'ewaste', 'batches', 'factors', 'stats', 'allDevices'],
      admin: ['marketplace', 'report', 'reservations', 'checkIn', 'handOver', 'move', 'stockTake', 'ewaste', 'batches', 'recyclers', 'factors', 'stats', 'allDevices', 'labels', 'wanted', 'organisation', 'settings', 'import'],
    });
  });

  it('never shows a screen to a role the core would refuse for one of the screen’s calls', () => {
    for (const screen of SCREENS)
      for (const role of ROLES.filter((r) => mayOpen(r, screen)))
        for (const procedure of screen.calls) expect(mayCall(role, procedure), `${role} on ${screen.id} calls ${procedure}`).toBe(true);
  });
});

describe('routes', () => {
  it('finds the screen and its parameters for an address', () => {
    expect(matchScreen('/devices')?.screen.id).toBe('allDevices');
    expect(matchScreen('/devices/abc-1')).toMatchObject({ screen: { id: 'device' }, params: { id: 'abc-1' } });
    expect(matchScreen('/check-in')?.screen.id).toBe('checkIn');
    expect(matchScreen('/labels')?.screen.id).toBe('labels');
    expect(matchScreen('/move')?.screen.id).toBe('move');
    expect(matchScreen('/stock-take')?.screen.id).toBe('stockTake');
    expect(matchScreen('/recyclers')?.screen.id).toBe('recyclers');
    expect(matchScreen('/batches')?.screen.id).toBe('batches');
    expect(matchScreen('/factors')?.screen.id).toBe('factors');
    expect(matchScreen('/stats')?.screen.id).toBe('stats');
    expect(matchScreen('/stats/devices')?.screen.id).toBe('statsDevices');
    expect(matchScreen('/stats/method')?.screen.id).toBe('statsMethod');
    expect(matchScreen('/batches/b-1')).toMatchObject({ screen: { id: 'batch' }, params: { id: 'b-1' } });
    expect(matchScreen('/devices/abc-1/trail')).toBeUndefined();
    expect(matchScreen('/nowhere')).toBeUndefined();
  });

  it('has one screen per address', () => {
    const paths = SCREENS.map((s) => s.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
