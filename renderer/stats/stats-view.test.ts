import { describe, expect, it } from 'vitest';
import { defaultView, figureFromQuery, periodChoices, periodFrom, periodStart, viewFromQuery, viewQuery } from './stats-view';

describe('the statistics period', () => {
  it('opens on the current year so far: 1 January up to and including today', () => {
    expect(defaultView('2026-11-29')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-11-30', groupBy: 'month' });
  });

  it('covers a whole past month, quarter or year, and a current one only up to today', () => {
    expect(periodFrom('month', '2026-02-01', '2026-11-29')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(periodFrom('quarter', '2025-10-01', '2026-11-29')).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(periodFrom('month', '2026-11-01', '2026-11-29')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodFrom('month', '2026-12-01', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });

  it('offers the periods newest first, across year ends', () => {
    expect(periodStart('quarter', '2026-11-29')).toBe('2026-10-01');
    expect(periodChoices('month', '2026-02-10', 3)).toEqual(['2026-02-01', '2026-01-01', '2025-12-01']);
    expect(periodChoices('quarter', '2026-02-10', 2)).toEqual(['2026-01-01', '2025-10-01']);
    expect(periodChoices('year', '2026-02-10', 2)).toEqual(['2026-01-01', '2025-01-01']);
  });

  it('reads a view and a figure back from the address it wrote', () => {
    const view = { kind: 'custom' as const, from: '2025-03-05', to: '2025-04-01', groupBy: 'department' as const, departmentId: 'dep-buf', category: 'laptop' as const };
    const figure = { figure: 'ewaste_collected' as const, weee: '6' as const };
    const query = new URLSearchParams(Object.entries(viewQuery(view, figure)).filter((e): e is [string, string] => e[1] !== undefined));
    expect(viewFromQuery(query, '2026-11-29')).toEqual(view);
    expect(figureFromQuery(query)).toEqual({ ...figure, group: undefined });
  });

  it('falls back to the current year for a period that ends before it starts, and names no figure for an unknown one', () => {
    const query = new URLSearchParams({ period: 'custom', from: '2026-05-01', to: '2026-04-01', figure: 'everything' });
    expect(viewFromQuery(query, '2026-11-29')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-11-30' });
    expect(figureFromQuery(query)).toBeUndefined();
  });
});
