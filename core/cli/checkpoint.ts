/**
 * `npm run checkpoint -- --data-dir DIR [--out FILE]`
 * Verifies the trail, then writes a signed checkpoint (core/store/checkpoint.ts) of every device's chain
 * head, to be kept outside the data folder (with the monthly statistics export: see the README). The
 * signing key is created on first use outside the data folder (core/store/trail-key.ts). Opens the folder
 * read-only. Exit code 0 when written, 1 when the trail has problems (nothing written), 2 when the store
 * cannot be read or the file cannot be written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCheckpoint } from '../store/checkpoint';
import { assertOutside, checkpointKeyFile, loadCheckpointKey } from '../store/trail-key';
import { dataDirArg, openReadOnly } from './read-only-store';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' } } });
const dir = dataDirArg(values['data-dir'], 'Usage: npm run checkpoint -- --data-dir DIR [--out FILE]   (or set KREDSLOB_DATA_DIR)');

const store = await openReadOnly(dir);
const report = await store.verifyTrailReport();
const storeId = store.storeId;
if (storeId === null) {
  console.error(`${dir} is not keyed yet: open it once with Kredsløb (it is keyed then), and make the checkpoint after.`);
  await store.close();
  process.exit(2);
}
if (report.problems.length > 0 || report.sealBroken || report.keyed === 'wrong_key') {
  console.error(`The trail of ${dir} has problems: no checkpoint was written. Run npm run verify-trail -- --data-dir ${dir} for details.`);
  await store.close();
  process.exit(1);
}
const now = new Date();
const out = path.resolve(values.out ?? `kredslob-checkpoint-${now.toISOString().slice(0, 19).replace(/[-:]/g, '')}.json`);
try {
  assertOutside(out, dir);
  const keyFile = checkpointKeyFile(storeId);
  const pem = loadCheckpointKey(keyFile, dir, true);
  if (pem === null) throw new Error(`no signing key at ${keyFile}`);
  const cp = createCheckpoint(await store.chainHeads(), storeId, pem, now);
  fs.writeFileSync(out, `${JSON.stringify(cp)}\n`, { flag: 'wx' });
  console.log(`Checkpoint of ${cp.devices} devices and ${cp.events} events written to ${out} (${fs.statSync(out).size} bytes).`);
  console.log(`Root ${cp.root}, signed with key ${cp.keyId} (${keyFile}).`);
  if (report.keyed === 'no_key') console.log('The trail key was not found: the keyed links were not checked before signing (the sha256 chains were).');
  console.log('Keep it outside the data folder, with the monthly statistics export; check later with npm run verify-trail -- --checkpoint FILE.');
} catch (err) {
  console.error(`Could not write the checkpoint: ${String(err instanceof Error ? err.message : err)}`);
  process.exitCode = 2;
} finally {
  await store.close();
}
