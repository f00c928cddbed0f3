import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TrailEvent } from '../../shared/schemas';
import { FileStore } from '../store/file/file-store';
import { tempDir } from '../testing/harness';
import { generateDevices, seedReferenceData } from './generate';

describe('bulk device generation (benchmark data)', () => {
  let dir = '';
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes trails whose every event is one the trail schema accepts, in every state including the e-waste ones', async () => {
    dir = tempDir();
    const store = await FileStore.open(dir, { log: () => {} });
    await seedReferenceData(store);
    await generateDevices(store, { devices: 400, seed: 3, eventsPerDevice: 8 });
    const { items } = await store.searchDevices({ sort: 'updated_desc', limit: 1000, offset: 0 });
    const types = new Set<string>();
    for (const d of items) {
      for (const e of await store.trail(d.id)) {
        const parsed = TrailEvent.safeParse(e);
        expect(parsed.success, `${d.assetTag} #${e.seq} ${e.type}: ${parsed.error?.message ?? ''}`).toBe(true);
        types.add(e.type);
      }
    }
    for (const t of ['added_to_batch', 'collected', 'certified']) expect(types.has(t), t).toBe(true);
    expect(await store.verifyTrails()).toEqual([]);
    await store.close();
  });
});
