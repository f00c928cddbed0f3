import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../core/testing/harness';
import { safeStorageTrailKeySource, type KeyVault } from './trail-key';
import { describeStartupFailure } from './startup-error';
import { FileStore } from '../core/store/file/file-store';

const tempDir = useTempDirs('kredslob-trailkey-');

// why: the OS keychain is external; this vault "encrypts" with a fixed XOR so the file never holds the key in clear
const vault = (available = true): KeyVault => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(Buffer.from(s).map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString(),
});

describe('the desktop trail key', () => {
  it('is made once per store, kept encrypted under userData (0600), and read back the same', () => {
    const userData = tempDir();
    const source = safeStorageTrailKeySource(vault(), userData, path.join(userData, 'data'), {});
    expect(source.get('store-1', false)).toBeNull();
    const key = source.get('store-1', true)!;
    const file = path.join(userData, 'trail-keys', 'trail-store-1.key');
    expect(fs.readFileSync(file, 'utf8')).not.toContain(key.toString('hex'));
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(source.get('store-1', true)!.equals(key)).toBe(true);
    expect(source.get('store-2', true)!.equals(key)).toBe(false);
  });

  it('is refused inside the data folder', () => {
    const userData = tempDir();
    const source = safeStorageTrailKeySource(vault(), userData, userData, {});
    expect(() => source.get('s', true)).toThrow(/inside the data folder/);
  });

  it('without an OS keychain, or with KREDSLOB_TRAIL_KEY set, follows the rule of the other entries', () => {
    const userData = tempDir();
    const config = tempDir();
    const noVault = safeStorageTrailKeySource(vault(false), userData, path.join(userData, 'data'), { XDG_CONFIG_HOME: config });
    noVault.get('s', true);
    expect(fs.existsSync(path.join(config, 'kredslob', 'trail-s.key'))).toBe(true);
    const fromEnv = safeStorageTrailKeySource(vault(), userData, path.join(userData, 'data'), { KREDSLOB_TRAIL_KEY: 'ab'.repeat(32) });
    expect(fromEnv.get('s', true)!.toString('hex')).toBe('ab'.repeat(32));
  });
});

describe('a desktop store whose trail key is gone', () => {
  it('does not start, and the user is told in Danish where the key was looked for', async () => {
    const userData = tempDir();
    const dataDir = path.join(userData, 'data');
    await (await FileStore.open(dataDir, { trailKey: safeStorageTrailKeySource(vault(), userData, dataDir, {}), log: () => {} })).close();
    fs.rmSync(path.join(userData, 'trail-keys'), { recursive: true });
    const err = await FileStore.open(dataDir, { trailKey: safeStorageTrailKeySource(vault(), userData, dataDir, {}), log: () => {} }).catch((e: unknown) => e);
    const failure = describeStartupFailure(err, dataDir, 'da');
    expect(failure.message).toContain('Nøglen, der beskytter forløbene');
    expect(failure.message).toContain(path.join(userData, 'trail-keys'));
  });
});
