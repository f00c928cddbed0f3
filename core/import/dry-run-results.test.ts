import { describe, expect, it } from 'vitest';
import type { ImportRowResult } from '../../shared/import';
import { DryRunResults } from './dry-run-results';

const RESULTS: ImportRowResult[] = [
  { row: 2, action: 'create', serial: 'SN-1' },
  { row: 3, action: 'refused', serial: 'SN-1', refusals: [{ code: 'duplicate_serial_in_file', field: 'serial', value: 'SN-1', params: { otherRow: 2 } }] },
  { row: 5, action: 'update', assetTag: 'KK-0000007', serial: 'SN-7', changes: ['model', 'ramGb'] },
  { row: 6, action: 'unchanged', assetTag: 'KK-0000008', serial: 'SN-8' },
  { row: 7, action: 'refused', refusals: [{ code: 'required', field: 'serial' }, { code: 'unknown_category', field: 'category', value: 'Brødrister' }] },
  { row: 9, action: 'create', assetTag: 'KK-0000100', serial: 'SN-9' },
];

function filled(): DryRunResults {
  const results = new DryRunResults(RESULTS.length);
  for (const r of RESULTS) results.add(r);
  return results;
}

describe('the dry run results kept for paging', () => {
  it('a page gives each row back as it was decided: its action, tag, serial, changes and refusals', () => {
    expect(filled().page(0, 100, false)).toEqual({ total: 6, items: RESULTS });
  });

  it('pages from an offset, and past the end gives no rows', () => {
    const results = filled();
    expect(results.page(2, 3, false).items.map((r) => r.row)).toEqual([5, 6, 7]);
    expect(results.page(6, 10, false)).toEqual({ total: 6, items: [] });
  });

  it('the refused rows alone, with their reasons, counted and paged among themselves', () => {
    const refused = filled().page(1, 10, true);
    expect(refused.total).toBe(2);
    expect(refused.items).toEqual([RESULTS[4]]);
  });
});
