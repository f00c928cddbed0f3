/**
 * Someone with access to the data folder rewrites the trail on purpose: edits an event, removes one,
 * swaps two, or cuts a device's chain short, and recomputes every sha256 hash, chain link, CRC and trail
 * length so the files look untouched (and drops the snapshot, which the store rebuilds from the journal).
 * The sha256 chain alone cannot see that; the keyed links (with the key) and a signed checkpoint can.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../testing/harness';
import { event } from '../store-contract';
import type { TrailKeySource } from '../trail-key';
import { compareWithCheckpoint, createCheckpoint, signatureValid, type Checkpoint } from '../checkpoint';
import { FileStore } from './file-store';
import { TAMPERS, eventOps, fill, readJournal, rewriteJournal } from '../../testing/tamper';

const tempDir = useTempDirs('kredslob-tamper-');

const KEY = randomBytes(32);
const keySource = (key: Buffer | null = KEY): TrailKeySource => ({ get: () => key, describe: () => 'the test key' });
const quiet = { log: () => {} };
const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A keyed store with three devices of four notes each, closed. */
async function keyedFilled() {
  const dir = tempDir();
  const store = await FileStore.open(dir, { trailKey: keySource(), ...quiet });
  const devices = await fill(store);
  const cp = createCheckpoint(await store.chainHeads(), store.storeId!, SIGNING_KEY, new Date());
  await store.close();
  return { dir, a: devices[0]!, cp };
}

async function verify(dir: string, key: Buffer | null) {
  const store = await FileStore.open(dir, { readOnly: true, ...(key ? { trailKey: keySource(key) } : {}), ...quiet });
  try {
    return await store.verifyTrailReport();
  } finally {
    await store.close();
  }
}

async function againstCheckpoint(dir: string, cp: Checkpoint) {
  const store = await FileStore.open(dir, { readOnly: true, ...quiet });
  try {
    return await compareWithCheckpoint(cp, await store.chainHeads(), (id) => store.trail(id));
  } finally {
    await store.close();
  }
}

describe('a deliberately rewritten trail', () => {
  it('passes the sha256 chain alone: the check without the key cannot exclude a deliberate edit', async () => {
    const dir = tempDir();
    const store = await FileStore.open(dir, quiet);
    const [a] = await fill(store);
    await store.close();
    rewriteJournal(dir, (records) => TAMPERS['an edited event']!(records, a!.id));
    const report = await verify(dir, null);
    expect(report.keyed).toBe('unsealed');
    expect(report.problems).toEqual([]);
  });

  for (const [name, tamper] of Object.entries(TAMPERS)) {
    describe(`with ${name}`, () => {
      async function tampered() {
        const { dir, a, cp } = await keyedFilled();
        expect((await verify(dir, KEY)).problems).toEqual([]);
        rewriteJournal(dir, (records) => tamper(records, a.id));
        return { dir, a, cp };
      }

      it('is found against a checkpoint, naming the device', async () => {
        const { dir, a, cp } = await tampered();
        const result = await againstCheckpoint(dir, cp);
        expect(result.intact).toBe(false);
        expect(result.first).toMatchObject({ index: 0, deviceId: a.id, assetTag: a.assetTag });
      });

      if (name === 'a truncated chain') {
        it('is not found by the keyed links: a chain cut short at its end is whole (only a checkpoint knows its length)', async () => {
          const { dir } = await tampered();
          expect((await verify(dir, KEY)).problems).toEqual([]);
        });
      } else {
        it('is found with the key, at the first changed event', async () => {
          const { dir, a } = await tampered();
          const report = await verify(dir, KEY);
          expect(report.keyed).toBe('checked');
          expect(report.problems).toEqual([{ deviceId: a.id, assetTag: a.assetTag, seq: 2, problem: 'link_mismatch' }]);
        });
      }

      it('is not found without the key (the hashes were recomputed), and the report says deliberate edits cannot be excluded', async () => {
        const { dir } = await tampered();
        const report = await verify(dir, null);
        expect(report.keyed).toBe('no_key');
        expect(report.problems).toEqual([]);
      });
    });
  }

  it('a removed event whose chain was not recomputed is found without the key', async () => {
    const { dir, a } = await keyedFilled();
    rewriteJournal(dir, (records) => {
      const victim = eventOps(records, a.id)[1]!;
      for (const r of records) r.ops = r.ops.filter((o) => o !== victim);
    });
    expect((await verify(dir, null)).problems).toEqual([{ deviceId: a.id, assetTag: a.assetTag, seq: 2, problem: 'missing' }]);
  });

  it('events stripped of their keyed links are found even without the key', async () => {
    const { dir, a } = await keyedFilled();
    rewriteJournal(dir, (records) => {
      for (const op of eventOps(records, a.id)) delete op.m;
    });
    expect((await verify(dir, null)).problems).toEqual([{ deviceId: a.id, assetTag: a.assetTag, seq: 1, problem: 'unlinked' }]);
  });

  it('a checkpoint with a changed signature or count is refused', async () => {
    const { dir, cp } = await keyedFilled();
    expect(signatureValid(cp)).toBe(true);
    expect(signatureValid({ ...cp, counts: cp.counts.map((c) => c + 1) })).toBe(false);
    expect((await againstCheckpoint(dir, cp)).intact).toBe(true);
  });
});

describe('keying an existing store', () => {
  async function legacyStore() {
    const dir = tempDir();
    const store = await FileStore.open(dir, quiet); // as written by the version before keyed trails
    const ds = await fill(store);
    await store.close();
    return { dir, ds };
  }
  const seals = (dir: string) => readJournal(dir).flatMap((r) => r.ops.filter((o) => o.k === 'trailSeal'));

  it('happens once, at the first open with a key, as a recorded seal; later events carry links and verify', async () => {
    const { dir, ds } = await legacyStore();
    const store = await FileStore.open(dir, { trailKey: keySource(), ...quiet });
    await store.transaction(async (tx) => {
      await tx.appendEvent(event(ds[0]!));
    });
    await store.close();
    const again = await FileStore.open(dir, { trailKey: keySource(), ...quiet });
    await again.close();
    expect(seals(dir)).toHaveLength(1);
    expect(seals(dir)[0]!.v).toMatchObject({ legacyDevices: 3, legacyEvents: 12 });
    const report = await verify(dir, KEY);
    expect(report).toMatchObject({ keyed: 'checked', problems: [], sealBroken: false });
    expect(eventOps(readJournal(dir), ds[0]!.id).map((o) => o.m !== undefined)).toEqual([false, false, false, false, true]);
  });

  it('covers the events written before it: a deliberate edit of one of them breaks the seal (with the key)', async () => {
    const { dir, ds } = await legacyStore();
    await (await FileStore.open(dir, { trailKey: keySource(), ...quiet })).close();
    rewriteJournal(dir, (records) => TAMPERS['an edited event']!(records, ds[2]!.id));
    expect(await verify(dir, KEY)).toMatchObject({ problems: [], sealBroken: true });
    expect(await verify(dir, null)).toMatchObject({ problems: [], sealBroken: false, keyed: 'no_key' });
  });

  it('a keyed store refuses to open for writing with another key or none, and a tool without a key source may not add events', async () => {
    const { dir, ds } = await legacyStore();
    await (await FileStore.open(dir, { trailKey: keySource(), ...quiet })).close();
    await expect(FileStore.open(dir, { trailKey: keySource(randomBytes(32)), ...quiet })).rejects.toMatchObject({ code: 'TRAIL_KEY_MISMATCH' });
    await expect(FileStore.open(dir, { trailKey: keySource(null), ...quiet })).rejects.toMatchObject({ code: 'TRAIL_KEY_MISSING' });
    const tool = await FileStore.open(dir, quiet);
    try {
      await expect(tool.transaction(async (tx) => void (await tx.appendEvent(event(ds[0]!))))).rejects.toMatchObject({ code: 'TRAIL_KEY_MISSING' });
    } finally {
      await tool.close();
    }
    expect(await verify(dir, KEY)).toMatchObject({ problems: [], sealBroken: false });
    expect((await verify(dir, randomBytes(32))).keyed).toBe('wrong_key');
  });
});
