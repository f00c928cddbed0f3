/**
 * The writing process the crash test kills. It opens the store, then writes transactions as fast as it
 * can (each a state change with its trail event), compacting often, and reports every acknowledged
 * write on stdout only after the transaction has resolved.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { FileStore } from '../store/file/file-store';
import { envTrailKeySource } from '../store/trail-key';

async function main(): Promise<void> {
  const dir = process.argv[2]!;
  const store = await FileStore.open(dir, { compactEvery: 150, log: () => {}, trailKey: envTrailKeySource(dir) });
  const ids = (await store.searchDevices({ sort: 'model_asc', limit: 1000, offset: 0 })).items.map((d) => d.id);
  fs.writeSync(1, 'ready\n');
  for (let i = 0; ; i++) {
    const deviceId = ids[Math.floor(Math.random() * ids.length)]!;
    const eventId = randomUUID();
    await store.transaction(async (tx) => {
      const d = (await tx.getDevice(deviceId))!;
      const at = new Date().toISOString();
      tx.putDevice({ ...d, status: d.status === 'listed' ? 'in_stock' : 'listed', updatedAt: at });
      await tx.appendEvent({
        id: eventId,
        deviceId,
        at,
        actor: { id: 'crash-test', name: 'Crash test', role: 'system' },
        locationId: d.locationId,
        locationName: 'Hylde',
        type: 'note_added',
        note: `write ${i}`,
      });
    });
    // Acknowledged: the transaction resolved, so the write must survive whatever happens next.
    fs.writeSync(1, `ack ${deviceId} ${eventId}\n`);
    // why: in the app each write arrives as its own request; the event loop turns between them, which also
    // lets compaction slices run, so kills land in the middle of snapshot writes too
    await new Promise((r) => setImmediate(r));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
