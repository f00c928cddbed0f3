/** What must not change when a call is refused: a fingerprint of a store taken before and compared after. */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/store';

/** Bytes of every journal segment of a file store's data folder (0 for a store without one). */
function journalBytes(dataDir: string | undefined): number {
  const dir = dataDir && path.join(dataDir, 'journal');
  if (!dir || !fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

/**
 * The journal's size, every device record (with its trail length), every batch and recycler record, and
 * the attachment files: equal before and after means nothing was written, not even half-way.
 */
export async function storeFingerprint(store: Store, dataDir?: string): Promise<string> {
  const devices = await store.searchDevices({ sort: 'model_asc', limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  const attachments = dataDir && fs.existsSync(path.join(dataDir, 'attachments')) ? fs.readdirSync(path.join(dataDir, 'attachments')).sort() : [];
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify({
    journalBytes: journalBytes(dataDir),
    devices: byId(devices.items),
    batches: byId(await store.listBatches()),
    recyclers: byId(await store.listRecyclers()),
    attachments,
  });
}
