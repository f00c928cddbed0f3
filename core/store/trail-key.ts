/**
 * Where the trail's secret keys live: never in the data folder, so that someone who can edit the data
 * folder cannot also recompute the keyed links (see the README, "A trail no one can quietly rewrite").
 *
 * The rule for the web server and the command-line tools (the desktop app keeps its HMAC key with
 * Electron's safeStorage instead, electron/trail-key.ts):
 *   1. KREDSLOB_TRAIL_KEY: the key itself, 64 hex digits or base64 of at least 32 bytes;
 *   2. else KREDSLOB_TRAIL_KEY_FILE: a file holding it;
 *   3. else <config>/kredslob/trail-<store id>.key, created (0600, folder 0700) the first time a store is
 *      opened for writing; <config> is %APPDATA% on Windows, else $XDG_CONFIG_HOME or ~/.config.
 * The checkpoint signing key (Ed25519, PEM) follows the same rule with KREDSLOB_CHECKPOINT_KEY_FILE and
 * checkpoint-<store id>.pem.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { makePrivateDir, writePrivateFileSync } from './private-files';

/** Finds (and, when allowed, creates) the HMAC key of a store. */
export interface TrailKeySource {
  /** The key of store `storeId`, or null when there is none; `create`: make one when there is none. */
  get(storeId: string, create: boolean): Buffer | null;
  /** Where the key is looked for, for messages. */
  describe(storeId: string): string;
}

export const KEY_BYTES = 32;

/** A short public name of a key (it reveals nothing of the key): which key sealed a store. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('kredslob-trail-key-id\n').update(key).digest('hex').slice(0, 16);
}

/** Reads a key written as hex or base64; throws naming `where` when it is not one. */
export function parseKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0 ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length < KEY_BYTES) throw new Error(`The trail key in ${where} is not ${KEY_BYTES} bytes as hex or base64`);
  return key;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = process.platform === 'win32' && env.APPDATA ? env.APPDATA : (env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'));
  return path.join(base, 'kredslob');
}

/** Refuses a key file inside the data folder: a key kept beside the data protects nothing. */
export function assertOutside(file: string, dataDir: string): void {
  const rel = path.relative(path.resolve(dataDir), path.resolve(file));
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
    throw new Error(`The key file ${file} is inside the data folder ${dataDir}; keep it elsewhere (see the README)`);
  }
}

/** Writes a new secret file only its owner can read; never replaces one that exists. */
export function writePrivateFile(file: string, content: string): void {
  makePrivateDir(path.dirname(file));
  writePrivateFileSync(file, content, 'wx');
}

/** The rule above for the HMAC key of the store in `dataDir`. */
export function envTrailKeySource(dataDir: string, env: NodeJS.ProcessEnv = process.env): TrailKeySource {
  const fileOf = (storeId: string) => env.KREDSLOB_TRAIL_KEY_FILE ?? path.join(configDir(env), `trail-${storeId}.key`);
  return {
    describe: (storeId) => (env.KREDSLOB_TRAIL_KEY ? 'KREDSLOB_TRAIL_KEY' : fileOf(storeId)),
    get(storeId, create) {
      if (env.KREDSLOB_TRAIL_KEY) return parseKey(env.KREDSLOB_TRAIL_KEY, 'KREDSLOB_TRAIL_KEY');
      const file = fileOf(storeId);
      assertOutside(file, dataDir);
      if (fs.existsSync(file)) return parseKey(fs.readFileSync(file, 'utf8'), file);
      // An explicitly named file that is missing is a mistake to report, not a reason to make a new key.
      if (!create || env.KREDSLOB_TRAIL_KEY_FILE) return null;
      const key = randomBytes(KEY_BYTES);
      writePrivateFile(file, `${key.toString('hex')}\n`);
      return key;
    },
  };
}

/** The checkpoint signing key's file for a store (Ed25519 private key, PEM). */
export function checkpointKeyFile(storeId: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.KREDSLOB_CHECKPOINT_KEY_FILE ?? path.join(configDir(env), `checkpoint-${storeId}.pem`);
}

/** The checkpoint signing key in PEM, created on first use unless `create` is false (then null when absent). */
export function loadCheckpointKey(file: string, dataDir: string, create: boolean): string | null {
  assertOutside(file, dataDir);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  if (!create) return null;
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writePrivateFile(file, pem);
  return pem;
}
