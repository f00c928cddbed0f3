/**
 * `npm run verify-trail -- --data-dir DIR [--checkpoint FILE]`
 * Recomputes every device's hash chain and, with the trail key (core/store/trail-key.ts), every keyed
 * link; reports each altered or missing trail event by device and sequence number. With --checkpoint,
 * also proves that nothing before a signed checkpoint was changed, removed or reordered, naming the first
 * device that differs. Opens the folder read-only: it changes no byte of it.
 * Exit code 0 when the trail is intact, 1 when not, 2 when the store or the checkpoint cannot be read.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { compareWithCheckpoint, parseCheckpoint, signatureValid, keyIdOfPrivatePem, type Checkpoint } from '../store/checkpoint';
import { checkpointKeyFile, loadCheckpointKey } from '../store/trail-key';
import { dataDirArg, openReadOnly } from './read-only-store';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, checkpoint: { type: 'string' } } });
const dir = dataDirArg(values['data-dir'], 'Usage: npm run verify-trail -- --data-dir DIR [--checkpoint FILE]   (or set KREDSLOB_DATA_DIR)');

let checkpoint: Checkpoint | null = null;
if (values.checkpoint) {
  try {
    checkpoint = parseCheckpoint(fs.readFileSync(values.checkpoint, 'utf8'));
  } catch (err) {
    console.error(`Could not read the checkpoint ${values.checkpoint}: ${String(err instanceof Error ? err.message : err)}`);
    process.exit(2);
  }
}

const PROBLEM: Record<string, string> = {
  hash_mismatch: 'altered (its hash does not match its content)',
  chain_broken: 'out of chain (does not follow the previous event)',
  missing: 'missing',
  out_of_order: 'out of order',
  unreadable: 'unreadable in the journal',
  link_mismatch: 'altered on purpose (its keyed link does not match: its hashes were recomputed)',
  unlinked: 'without its keyed link (written or rewritten by someone without the trail key)',
};

const store = await openReadOnly(dir);
const t0 = performance.now();
const devices = await store.deviceCount();
const report = await store.verifyTrailReport();
let failed = report.problems.length > 0;
for (const p of report.problems) console.log(`${p.assetTag} (${p.deviceId}) event ${p.seq}: ${PROBLEM[p.problem] ?? p.problem}`);
const seal = report.seal;
switch (report.keyed) {
  case 'checked':
    console.log(`Keyed links checked with the trail key ${seal?.keyId} (the trail was keyed on ${seal?.at}).`);
    break;
  case 'no_key':
    console.log(
      `The trail key was not found, so only the sha256 chains were checked: deliberate edits (that recompute the hashes) ` +
        `cannot be excluded without the key or a checkpoint (--checkpoint FILE). See the README on where the key is.`,
    );
    break;
  case 'wrong_key':
    console.log(`The trail key found is not the one that keyed this store (${seal?.keyId}): its links cannot be checked.`);
    failed = true;
    break;
  case 'unsealed':
    console.log(`This store's trail is not keyed yet (Kredsløb keys it when it next opens it): deliberate edits cannot be excluded without a checkpoint.`);
    break;
}
if (report.sealBroken) {
  console.log(`The events written before the trail was keyed on ${seal?.at} no longer match its seal: changed, removed or reordered.`);
  failed = true;
}

if (checkpoint) {
  const cp = checkpoint;
  if (!signatureValid(cp)) {
    console.log(`The checkpoint's signature is not valid: it was changed or is not a Kredsløb checkpoint.`);
    failed = true;
  } else if (store.storeId !== cp.storeId) {
    console.log(`The checkpoint is of another store (${cp.storeId}; this one is ${store.storeId ?? 'not keyed'}).`);
    failed = true;
  } else {
    const own = loadCheckpointKey(checkpointKeyFile(cp.storeId), dir, false);
    if (own !== null && keyIdOfPrivatePem(own) !== cp.keyId) {
      console.log(`The checkpoint was signed with key ${cp.keyId}, not with this store's checkpoint key ${keyIdOfPrivatePem(own)}.`);
      failed = true;
    } else {
      const result = await compareWithCheckpoint(cp, await store.chainHeads(), (id) => store.trail(id));
      if (result.intact) {
        console.log(`Nothing before the checkpoint of ${cp.createdAt} (${cp.devices} devices, ${cp.events} events, signing key ${cp.keyId}) was changed, removed or reordered.`);
        if (own === null) console.log(`Compare the signing key ${cp.keyId} with the fingerprint you keep with your checkpoints.`);
      } else {
        const f = result.first;
        const what = { changed: 'an event up to the checkpoint was changed, removed or reordered', truncated: 'it has fewer events than at the checkpoint', missing: 'the device is gone' };
        console.log(
          f
            ? `The trail differs from the checkpoint of ${cp.createdAt}; first at device ${f.index + 1}${f.assetTag ? ` ${f.assetTag} (${f.deviceId})` : ''}: ${what[f.reason]}.`
            : `The trail differs from the checkpoint of ${cp.createdAt}.`,
        );
        failed = true;
      }
    }
  }
}

await store.close();
console.log(
  failed
    ? `${report.problems.length} device trail(s) with problems out of ${devices} devices.`
    : `All ${devices} device trails verified intact in ${Math.round(performance.now() - t0)} ms.`,
);
process.exitCode = failed ? 1 : 0;
