/**
 * Signed checkpoints of the trail: a small statement, signed with Ed25519, of every device's chain head
 * (a Merkle root over (device, count, sha256 head) and the counts). Kept outside the data folder (with
 * the monthly statistics export, see the README), it proves later that nothing written before it was
 * changed, removed or reordered, even by someone who can recompute every hash and has the HMAC key.
 *
 * Besides the root, a checkpoint holds each device's event count and the first 8 bytes of its leaf, so a
 * verification can name the first device that differs: some 14 bytes a device, about 1.4 MB at 100,000.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { TrailEvent } from '../../shared/schemas';
import { GENESIS_HASH, canonicalJson, checkChain } from './trail-hash';
import type { ChainHead } from './file/file-store';

export const CHECKPOINT_FORMAT = 'kredslob-checkpoint-1';
const LEAF_PREFIX_BYTES = 8;

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  storeId: string;
  createdAt: string;
  /** Devices covered: the store's first `devices` devices, in its device order. */
  devices: number;
  events: number;
  /** Merkle root (hex) over the devices' leaves. */
  root: string;
  /** Each device's event count at the checkpoint. */
  counts: number[];
  /** The first bytes of each device's leaf, base64: to name the first device that differs. */
  leaves: string;
  /** The signing key's public half (SPKI DER, base64) and its fingerprint. */
  publicKey: string;
  keyId: string;
  /** Ed25519 over the canonical JSON of every field above (base64). */
  signature: string;
}

/** The leaf of one device: its id, count and the sha256 hash of its last event at the checkpoint. */
export function leafOf(deviceId: string, count: number, head: string): Buffer {
  return createHash('sha256').update(`kredslob-checkpoint-leaf\n${deviceId}\n${count}\n${head}`).digest();
}

/** A Merkle root as in RFC 6962 (leaf and node hashes domain-separated; an odd node moves up as it is). */
export function merkleRoot(leaves: readonly Buffer[]): string {
  if (leaves.length === 0) return createHash('sha256').digest('hex');
  let level: Buffer[] = leaves.map((l) => createHash('sha256').update(Buffer.from([0])).update(l).digest());
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1];
      next.push(right ? createHash('sha256').update(Buffer.from([1])).update(level[i]!).update(right).digest() : level[i]!);
    }
    level = next;
  }
  return level[0]!.toString('hex');
}

export function publicKeyIdOf(spkiDer: Buffer): string {
  return createHash('sha256').update(spkiDer).digest('hex').slice(0, 16);
}

/** The fingerprint of a signing key (PEM), to compare with a checkpoint's. */
export function keyIdOfPrivatePem(pem: string): string {
  return publicKeyIdOf(createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' }));
}

/** Signs the chain heads of a store (already verified by the caller). */
export function createCheckpoint(heads: readonly ChainHead[], storeId: string, privateKeyPem: string, now: Date): Checkpoint {
  const key = createPrivateKey(privateKeyPem);
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const leaves = heads.map((h) => leafOf(h.deviceId, h.count, h.head));
  const body: Omit<Checkpoint, 'signature'> = {
    format: CHECKPOINT_FORMAT,
    storeId,
    createdAt: now.toISOString(),
    devices: heads.length,
    events: heads.reduce((n, h) => n + h.count, 0),
    root: merkleRoot(leaves),
    counts: heads.map((h) => h.count),
    leaves: Buffer.concat(leaves.map((l) => l.subarray(0, LEAF_PREFIX_BYTES))).toString('base64'),
    publicKey: spki.toString('base64'),
    keyId: publicKeyIdOf(spki),
  };
  return { ...body, signature: sign(null, Buffer.from(canonicalJson(body)), key).toString('base64') };
}

/** Reads a checkpoint file's JSON; throws naming what is wrong. */
export function parseCheckpoint(text: string): Checkpoint {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error('the checkpoint is not JSON');
  }
  const c = v as Partial<Checkpoint>; // why: each field used below is checked here
  if (c.format !== CHECKPOINT_FORMAT) throw new Error(`the checkpoint's format is not ${CHECKPOINT_FORMAT}`);
  for (const f of ['storeId', 'createdAt', 'root', 'leaves', 'publicKey', 'keyId', 'signature'] as const) {
    if (typeof c[f] !== 'string') throw new Error(`the checkpoint has no ${f}`);
  }
  if (!Array.isArray(c.counts) || !c.counts.every((n) => Number.isInteger(n) && n >= 0)) throw new Error('the checkpoint has no counts');
  if (c.devices !== c.counts.length) throw new Error('the checkpoint counts a different number of devices than it lists');
  return c as Checkpoint; // why: every field checked above
}

/** Whether the signature matches the checkpoint's content and its own public key (and that key's fingerprint). */
export function signatureValid(cp: Checkpoint): boolean {
  const { signature, ...body } = cp;
  try {
    const spki = Buffer.from(cp.publicKey, 'base64');
    if (publicKeyIdOf(spki) !== cp.keyId) return false;
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    return verify(null, Buffer.from(canonicalJson(body)), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export interface CheckpointDifference {
  /** The device's place in the checkpoint (0-based). */
  index: number;
  deviceId?: string;
  assetTag?: string;
  /** `changed`: an event up to the checkpoint was changed, removed or reordered; `truncated`: fewer events now; `missing`: the device is gone. */
  reason: 'changed' | 'truncated' | 'missing';
}

export interface CheckpointResult {
  /** The root recomputed from the store equals the signed one. */
  intact: boolean;
  /** The first device that differs (null when intact, or when only the root says so). */
  first: CheckpointDifference | null;
}

/**
 * Recomputes the checkpoint's leaves from the store as it is now (its first `cp.devices` devices, each up
 * to its count at the checkpoint) and compares. Events written after the checkpoint do not matter.
 */
export async function compareWithCheckpoint(
  cp: Checkpoint,
  heads: readonly ChainHead[],
  trail: (deviceId: string) => Promise<TrailEvent[]>,
): Promise<CheckpointResult> {
  const stored = Buffer.from(cp.leaves, 'base64');
  const leaves: Buffer[] = [];
  let first: CheckpointDifference | null = null;
  for (let i = 0; i < cp.devices; i++) {
    const count = cp.counts[i]!;
    const now = heads[i];
    if (!now) {
      first ??= { index: i, reason: 'missing' };
      break;
    }
    const named = { index: i, deviceId: now.deviceId, assetTag: now.assetTag };
    const events = (await trail(now.deviceId)).slice(0, count);
    if (events.length < count) {
      first ??= { ...named, reason: 'truncated' };
      leaves.push(Buffer.alloc(32));
      continue;
    }
    const broken = checkChain(events, count) !== null;
    const leaf = leafOf(now.deviceId, count, events[count - 1]?.hash ?? GENESIS_HASH);
    if (broken || !leaf.subarray(0, LEAF_PREFIX_BYTES).equals(stored.subarray(i * LEAF_PREFIX_BYTES, (i + 1) * LEAF_PREFIX_BYTES))) {
      first ??= { ...named, reason: 'changed' };
    }
    leaves.push(leaf);
  }
  const intact = first === null && leaves.length === cp.devices && merkleRoot(leaves) === cp.root;
  return { intact, first };
}
