/**
 * Photo files for the e2e specs, written at test time into a folder of their own (made with sharp by
 * core/testing/photos.ts, so nothing binary is committed): a camera JPEG with GPS, and a text file renamed .jpg.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jpegWithGps, textFile } from '../../core/testing/photos';

export interface PhotoFiles {
  /** A 640×480 camera JPEG with an EXIF orientation and a GPS position: accepted. */
  camera: string;
  /** A text file named like a photo: refused as no JPEG, PNG or WebP. */
  renamedText: string;
}

export async function writePhotoFiles(): Promise<PhotoFiles> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-photos-'));
  const camera = path.join(dir, 'kontor-laptop.jpg');
  const renamedText = path.join(dir, 'noter.jpg');
  fs.writeFileSync(camera, await jpegWithGps());
  fs.writeFileSync(renamedText, textFile());
  return { camera, renamedText };
}
