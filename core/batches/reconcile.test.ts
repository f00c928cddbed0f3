import { describe, expect, it } from 'vitest';
import type { Device, DeviceStatus } from '../../shared/schemas';
import { device } from '../store/store-contract';
import { reconcile } from './service';

const inBatch = (serial: string, status: DeviceStatus = 'collected', assetTag?: string): Device =>
  device({ serial, status, batchId: 'b-1', ...(assetTag ? { assetTag } : {}) });
const serialsOf = (ds: readonly Device[]) => ds.map((d) => d.serial);

describe('reconciling a certificate with the batch (pure)', () => {
  it('matches trimmed and case-insensitively, keeps blank lines out and lists what is missing and unexpected', () => {
    const batch = [inBatch('AB-1'), inBatch('cd-2'), inBatch('EF-3')];
    const r = reconcile(batch, ['  ab-1', 'CD-2\t', '', '   ', 'ZZ-9 ']);
    expect(serialsOf(r.matched)).toEqual(['AB-1', 'cd-2']);
    expect(serialsOf(r.missing)).toEqual(['EF-3']);
    expect(r.unexpected).toEqual(['ZZ-9']);
    expect(r.serials).toEqual(['ab-1', 'CD-2', 'ZZ-9']);
    expect(r.duplicates).toEqual([]);
  });

  it('counts a serial listed twice once and names it once as a duplicate, as written where it was one too many', () => {
    const r = reconcile([inBatch('AB-1')], ['ab-1', 'AB-1', ' Ab-1 ', 'X-1', 'x-1']);
    expect(serialsOf(r.matched)).toEqual(['AB-1']);
    expect(r.duplicates).toEqual(['AB-1', 'x-1']);
    expect(r.unexpected).toEqual(['X-1']);
    expect(r.missing).toEqual([]);
  });

  it('compares serials that differ only in Unicode composition as the same', () => {
    const r = reconcile([inBatch('SN-\u00c5')], ['sn-A\u030a']);
    expect(r.matched).toHaveLength(1);
  });

  it('says which serials an earlier certificate already covered instead of matching them again', () => {
    const batch = [inBatch('AB-1', 'recycled'), inBatch('CD-2', 'destroyed'), inBatch('EF-3')];
    const r = reconcile(batch, ['AB-1', 'cd-2', 'ef-3']);
    expect(r.alreadyCovered).toEqual(['AB-1', 'cd-2']);
    expect(serialsOf(r.matched)).toEqual(['EF-3']);
    expect(r.missing).toEqual([]);
  });

  it('covers as many devices sharing a serial as the certificate lists it: one line certifies one unit', () => {
    const first = inBatch('SAME', 'collected', 'KK-0000002');
    const second = inBatch('same', 'collected', 'KK-0000001');
    const once = reconcile([first, second], ['SAME']);
    // The lower asset tag first, so the same certificate always picks the same device.
    expect(once.matched.map((d) => d.assetTag)).toEqual(['KK-0000001']);
    expect(once.missing.map((d) => d.assetTag)).toEqual(['KK-0000002']);
    expect(once.duplicates).toEqual([]);

    const twice = reconcile([first, second], ['SAME', 'same']);
    expect(twice.matched.map((d) => d.assetTag).sort()).toEqual(['KK-0000001', 'KK-0000002']);
    expect(twice.missing).toEqual([]);
    expect(twice.duplicates).toEqual([]);

    const thrice = reconcile([first, second], ['SAME', 'same', 'Same']);
    expect(thrice.matched).toHaveLength(2);
    expect(thrice.duplicates).toEqual(['Same']);
  });

  it('lets a later certificate cover the one device of a shared serial the first left missing', () => {
    const done = inBatch('SAME', 'recycled', 'KK-0000001');
    const left = inBatch('SAME', 'collected', 'KK-0000002');
    const r = reconcile([done, left], ['same']);
    expect(r.matched.map((d) => d.assetTag)).toEqual(['KK-0000002']);
    expect(r.alreadyCovered).toEqual([]);
    expect(r.missing).toEqual([]);
  });

  it('matches nothing and misses every collected device for a certificate of only unknown serials', () => {
    const r = reconcile([inBatch('AB-1'), inBatch('CD-2', 'in_batch')], ['Q-1']);
    expect(r.matched).toEqual([]);
    // A device not yet collected is not waiting for a certificate.
    expect(serialsOf(r.missing)).toEqual(['AB-1']);
    expect(r.unexpected).toEqual(['Q-1']);
  });
});
