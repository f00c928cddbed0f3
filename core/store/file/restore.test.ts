import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevicePhoto, SanitizationRecord, TrailEvent } from '../../../shared/schemas';
import { seedDemo } from '../../demo/generate';
import { tempDir } from '../../testing/harness';
import { bundledEntry } from '../../testing/entry-bundle';
import { FileStore } from './file-store';
import { RestoreError, restoreDataDir } from './restore';
import { derivePhoto } from '../../photos/photo-image';
import { jpegWithGps } from '../../testing/photos';

/** sha256 of every file under `root` by relative path: equal before and after means not a byte changed. */
function folderHash(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (p: string) => {
    if (fs.statSync(p).isDirectory()) for (const n of fs.readdirSync(p)) visit(path.join(p, n));
    else out[path.relative(root, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  };
  visit(root);
  return out;
}

/** Every device, each one's whole trail, every sanitization record its trail names, the batches and the attachments. */
async function everything(store: FileStore) {
  const devices = (await store.searchDevices({ sort: 'model_asc', limit: Number.MAX_SAFE_INTEGER, offset: 0 })).items.sort((a, b) => a.id.localeCompare(b.id));
  const trails: Record<string, TrailEvent[]> = {};
  const sanitizations: Record<string, SanitizationRecord | undefined> = {};
  for (const d of devices) {
    trails[d.id] = await store.trail(d.id);
    for (const e of trails[d.id]!) if (e.type === 'sanitized') sanitizations[e.sanitizationId] = await store.getSanitization(e.sanitizationId);
  }
  const batches = (await store.listBatches()).sort((a, b) => a.id.localeCompare(b.id));
  const attachmentDir = path.join(store.dir, 'attachments');
  const attachments: Record<string, string> = {};
  for (const sha of fs.existsSync(attachmentDir) ? fs.readdirSync(attachmentDir) : []) {
    attachments[sha] = Buffer.from((await store.getAttachment(sha))!).toString('base64');
  }
  return { devices, trails, sanitizations, batches, users: await store.listUsers(), settings: await store.getSettings(), attachments };
}

const leftovers = (parent: string) => fs.readdirSync(parent).filter((n) => n.includes('.restoring-'));

describe('restoring a backup', () => {
  let parent = '';
  let backup = '';
  let original: Awaited<ReturnType<typeof everything>>;
  let photo: DevicePhoto;
  let photoDeviceId = '';

  beforeAll(async () => {
    parent = tempDir();
    const store = await FileStore.open(path.join(parent, 'data'), { log: () => {} });
    await seedDemo(store, new Date('2026-11-02T08:00:00.000Z'));
    await store.putAttachment(new Uint8Array(Buffer.from('%PDF-1.7\n% a certificate\n%%EOF\n')));
    // A device with a photo: its images must come back with it.
    const derived = await derivePhoto('hylde.jpg', await jpegWithGps());
    photo = { sha256: await store.putAttachment(derived.display), thumbSha256: await store.putAttachment(derived.thumb), width: derived.width, height: derived.height, addedAt: '2026-11-02T08:00:00.000Z' };
    const [withPhoto] = (await store.searchDevices({ sort: 'model_asc', limit: 1, offset: 1 })).items;
    photoDeviceId = withPhoto!.id;
    await store.transaction(async (tx) => tx.putDevice({ ...withPhoto!, photos: [photo] }));
    await store.compact();
    // Written after the snapshot: the backup holds them in its journal only.
    const [first] = (await store.searchDevices({ sort: 'model_asc', limit: 1, offset: 0 })).items;
    await store.transaction(async (tx) => tx.putDevice({ ...first!, notes: 'written after the last snapshot' }));
    backup = path.join(parent, 'backup');
    await store.backup(backup);
    original = await everything(store);
    await store.close();
  }, 120_000);
  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  it('gives back every device, trail event, sanitization record and attachment identical, and changes no byte of the backup', async () => {
    expect(original.devices.length).toBeGreaterThan(100);
    expect(Object.keys(original.sanitizations).length).toBeGreaterThan(10);
    expect(Object.values(original.sanitizations).every((s) => s !== undefined)).toBe(true);
    expect(Object.keys(original.attachments).length).toBeGreaterThan(0);
    const before = folderHash(backup);
    const target = path.join(parent, 'restored');
    const result = await restoreDataDir(backup, target);
    expect(folderHash(backup)).toEqual(before);
    expect(result).toMatchObject({ devices: original.devices.length, attachments: Object.keys(original.attachments).length });
    expect(leftovers(parent)).toEqual([]);
    const restored = await FileStore.open(target, { log: () => {} });
    try {
      expect(await restored.verifyTrails()).toEqual([]);
      const copy = await everything(restored);
      expect(copy.devices).toEqual(original.devices);
      expect(copy.trails).toEqual(original.trails);
      expect(copy.sanitizations).toEqual(original.sanitizations);
      expect(copy).toEqual(original);
      expect((await restored.getDevice(photoDeviceId))?.photos).toEqual([photo]);
      for (const sha of [photo.sha256, photo.thumbSha256]) expect(copy.attachments[sha]).toBeDefined();
    } finally {
      await restored.close();
    }
    if (process.platform !== 'win32') {
      expect(fs.statSync(target).mode & 0o777).toBe(0o700);
      for (const f of Object.keys(folderHash(target))) expect([f, fs.statSync(path.join(target, f)).mode & 0o777]).toEqual([f, 0o600]);
    }
  }, 60_000);

  it('restores into an empty folder that already exists', async () => {
    const target = path.join(parent, 'empty');
    fs.mkdirSync(target);
    expect((await restoreDataDir(backup, target)).devices).toBe(original.devices.length);
    expect(fs.existsSync(path.join(target, 'journal'))).toBe(true);
  }, 60_000);

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const target = path.join(parent, 'occupied');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'notes.txt'), 'mine');
    const refused = restoreDataDir(backup, target);
    await expect(refused).rejects.toThrow(RestoreError);
    await expect(refused).rejects.toMatchObject({ reason: 'refused', message: expect.stringMatching(/occupied is not empty; restore into a new or empty folder/) });
    expect(fs.readdirSync(target)).toEqual(['notes.txt']);
    expect(leftovers(parent)).toEqual([]);
  });

  it('refuses a target that Kredsløb has open, naming the process', async () => {
    const target = path.join(parent, 'in-use');
    const open = await FileStore.open(target, { log: () => {} });
    try {
      await expect(restoreDataDir(backup, target)).rejects.toMatchObject({ reason: 'refused', message: expect.stringContaining(`is open in Kredsløb (process ${process.pid})`) });
    } finally {
      await open.close();
    }
  });

  it('refuses a folder that is not a backup', async () => {
    const notBackup = path.join(parent, 'holiday-photos');
    fs.mkdirSync(notBackup);
    await expect(restoreDataDir(notBackup, path.join(parent, 'never'))).rejects.toMatchObject({ reason: 'refused', message: expect.stringContaining('is not a Kredsløb backup') });
    expect(fs.existsSync(path.join(parent, 'never'))).toBe(false);
  });

  it('refuses a target inside the backup, which it must only read', async () => {
    const before = folderHash(backup);
    await expect(restoreDataDir(backup, path.join(backup, 'restored'))).rejects.toMatchObject({ reason: 'refused', message: expect.stringContaining('is inside the backup') });
    expect(folderHash(backup)).toEqual(before);
    expect(fs.readdirSync(backup).filter((n) => n.includes('restor'))).toEqual([]);
  });

  /** A copy of the backup to damage, so the others keep the good one. */
  function copyOfBackup(name: string): string {
    const copy = path.join(parent, name);
    fs.cpSync(backup, copy, { recursive: true });
    return copy;
  }

  it('refuses a backup whose trail was edited (with a fresh checksum), restoring nothing', async () => {
    const damaged = copyOfBackup('edited-backup');
    const seg = path.join(damaged, 'journal', fs.readdirSync(path.join(damaged, 'journal'))[0]!);
    const lines = fs.readFileSync(seg, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"type":"sanitized"'));
    expect(at).toBeGreaterThan(-1);
    // Someone changes the wipe method of a sanitized event (same length, so every later place in the
    // journal stays put) and recomputes the line's CRC, as a forger would.
    const record = JSON.parse(lines[at]!.slice(9)) as { ops: { k: string; v: { type?: string; method?: string } }[] };
    const sanitized = record.ops.find((op) => op.k === 'event' && op.v.type === 'sanitized')!.v;
    sanitized.method = sanitized.method === 'purge' ? 'clear' : 'purge';
    const body = JSON.stringify(record);
    expect(Buffer.byteLength(body)).toBe(Buffer.byteLength(lines[at]!) - 9);
    lines[at] = `${zlib.crc32(Buffer.from(body, 'utf8')).toString(16).padStart(8, '0')} ${body}`;
    fs.writeFileSync(seg, lines.join('\n'));
    const target = path.join(parent, 'from-edited');
    await expect(restoreDataDir(damaged, target)).rejects.toMatchObject({ reason: 'damaged', message: expect.stringMatching(/device trail\(s\) that do not verify, first KK-\d+ event \d+ \(hash mismatch\); nothing was restored/) });
    expect(fs.existsSync(target)).toBe(false);
    expect(leftovers(parent)).toEqual([]);
  }, 60_000);

  it('refuses a backup with a damaged journal line or a damaged attachment, restoring nothing', async () => {
    const cut = copyOfBackup('cut-backup');
    const seg = path.join(cut, 'journal', fs.readdirSync(path.join(cut, 'journal'))[0]!);
    const lines = fs.readFileSync(seg, 'utf8').split('\n');
    lines[3] = lines[3]!.slice(0, 40);
    fs.writeFileSync(seg, lines.join('\n'));
    await expect(restoreDataDir(cut, path.join(parent, 'from-cut'))).rejects.toMatchObject({ reason: 'damaged', message: expect.stringContaining('cannot be opened') });
    expect(fs.existsSync(path.join(parent, 'from-cut'))).toBe(false);

    const rotten = copyOfBackup('rotten-backup');
    const [sha] = fs.readdirSync(path.join(rotten, 'attachments'));
    fs.writeFileSync(path.join(rotten, 'attachments', sha!), 'not the certificate');
    await expect(restoreDataDir(rotten, path.join(parent, 'from-rotten'))).rejects.toMatchObject({ reason: 'damaged', message: expect.stringContaining(`1 damaged attachment(s), first ${sha}`) });
    expect(fs.existsSync(path.join(parent, 'from-rotten'))).toBe(false);
    expect(leftovers(parent)).toEqual([]);
  }, 60_000);

  it('npm run restore: exit 0 and one line when restored, exit 2 and one line naming the folder when refused', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bundledEntry('core/cli/restore.ts'), ...args], { encoding: 'utf8' });
    const target = path.join(parent, 'by-cli');
    const ok = run('--from', backup, '--data-dir', target);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(ok.stdout).toContain(`Restored ${backup} into ${target}: ${original.devices.length} devices with verified trails`);
    const again = run('--from', backup, '--data-dir', target);
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toEqual([`Restore failed: ${target} is not empty; restore into a new or empty folder, so that no data is overwritten`]);
    const usage = run('--from', backup);
    expect([usage.status, usage.stderr.trim()]).toEqual([2, 'Usage: npm run restore -- --from BACKUP_FOLDER --data-dir NEW_OR_EMPTY_FOLDER']);
  }, 60_000);
});
