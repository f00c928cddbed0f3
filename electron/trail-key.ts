/**
 * The desktop app's trail key (core/store/trail-key.ts has the rule for the other entries): one random
 * key per store, kept encrypted with Electron's safeStorage (the OS keychain: DPAPI on Windows, Keychain on
 * macOS, the Secret Service on Linux) in <userData>/trail-keys/, outside the data folder. Someone who can
 * edit the data folder cannot read it; the user's own login unlocks it. KREDSLOB_TRAIL_KEY or
 * KREDSLOB_TRAIL_KEY_FILE, when set, take precedence (IT's scripted installs, and verifying with the CLI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SafeStorage } from 'electron';
import { KEY_BYTES, assertOutside, envTrailKeySource, parseKey, writePrivateFile, type TrailKeySource } from '../core/store/trail-key';

export type KeyVault = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

export function safeStorageTrailKeySource(vault: KeyVault, userDataDir: string, dataDir: string, env: NodeJS.ProcessEnv = process.env): TrailKeySource {
  // why: without an OS keychain safeStorage would only obscure the key; then a private file (0600) is as good and says so
  if (env.KREDSLOB_TRAIL_KEY || env.KREDSLOB_TRAIL_KEY_FILE || !vault.isEncryptionAvailable()) return envTrailKeySource(dataDir, env);
  const fileOf = (storeId: string) => path.join(userDataDir, 'trail-keys', `trail-${storeId}.key`);
  return {
    describe: (storeId) => `${fileOf(storeId)} (safeStorage)`,
    get(storeId, create) {
      const file = fileOf(storeId);
      assertOutside(file, dataDir);
      if (fs.existsSync(file)) return parseKey(vault.decryptString(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')), file);
      if (!create) return null;
      const key = randomBytes(KEY_BYTES);
      writePrivateFile(file, `${vault.encryptString(key.toString('hex')).toString('base64')}\n`);
      return key;
    },
  };
}
