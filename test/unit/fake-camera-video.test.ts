import fs from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { beforeAll, describe, expect, it } from 'vitest';
import { qrLabelFrame, y4mFrameBytes, y4mHeader, y4mVideo, type LumaFrame } from '../support/fake-camera-video';

/** Decodes a grey frame with the same decoder and options the camera scanner uses. */
async function decode(frame: LumaFrame): Promise<string[]> {
  const rgba = new Uint8ClampedArray(frame.width * frame.height * 4);
  frame.luma.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
  // why: Node has no ImageData; zxing-wasm reads any { width, height, data } with RGBA bytes
  const image = { width: frame.width, height: frame.height, data: rgba } as unknown as ImageData;
  const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true });
  return results.filter((r) => r.isValid).map((r) => r.text);
}

beforeAll(async () => {
  // why: offline, from the installed package, as the app does (the default would fetch it from a CDN)
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  await prepareZXingModule({ overrides: { wasmBinary: new Uint8Array(fs.readFileSync(wasmPath)).buffer }, fireImmediately: true });
});

describe('the fake camera video (.y4m)', () => {
  it('starts with a header Chromium reads: size, rate and 4:2:0', () => {
    expect(y4mHeader(640, 480, 10)).toBe('YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n');
  });

  it('holds each frame as "FRAME", a full luma plane and two neutral quarter-size chroma planes', () => {
    const frame = qrLabelFrame('KK-0001234');
    const video = y4mVideo([frame, frame, frame], 10);
    const header = y4mHeader(640, 480, 10).length;
    expect(y4mFrameBytes(640, 480)).toBe(640 * 480 * 1.5);
    expect(video.length).toBe(header + 3 * ('FRAME\n'.length + 640 * 480 * 1.5));

    const text = (from: number, length: number) => new TextDecoder().decode(video.subarray(from, from + length));
    const stride = 6 + y4mFrameBytes(640, 480);
    for (let f = 0; f < 3; f++) {
      const start = header + f * stride;
      expect(text(start, 6)).toBe('FRAME\n');
      // why: Buffer.equals, not toEqual: a deep compare of 307 200 numbers takes vitest many seconds
      expect(Buffer.from(video.subarray(start + 6, start + 6 + 640 * 480)).equals(Buffer.from(frame.luma))).toBe(true);
      const chroma = video.subarray(start + 6 + 640 * 480, start + stride);
      expect(chroma.length).toBe(2 * 320 * 240);
      expect(chroma.every((v) => v === 128)).toBe(true);
    }
  });

  it('shows a QR label that decodes to the tag, in the bare and the URL form', async () => {
    expect(await decode(qrLabelFrame('KK-0001234'))).toEqual(['KK-0001234']);
    expect(await decode(qrLabelFrame('kredslob://device/KK-0004321'))).toEqual(['kredslob://device/KK-0004321']);
  });

  it('keeps the quiet zone white around the code', () => {
    const frame = qrLabelFrame('KK-0001234', { modulePx: 8, quietZoneModules: 4 });
    // a 21-module code + 2 × 4 quiet modules = 29 modules = 232 px, centred in 640 × 480
    const left = (640 - 232) / 2;
    const top = Math.floor((480 - 232) / 2);
    const px = (x: number, y: number) => frame.luma[y * 640 + x];
    for (let i = 0; i < 32; i++) {
      expect(px(left + i, top + 40)).toBe(235);
      expect(px(left + 40, top + i)).toBe(235);
    }
    expect(px(left + 32, top + 32)).toBe(16); // the finder pattern's dark corner
    expect(px(left - 1, top)).toBe(110); // the desk
  });

  it('refuses an odd frame size, mixed frame sizes and a code too large for the frame', () => {
    const odd: LumaFrame = { width: 641, height: 480, luma: new Uint8Array(641 * 480) };
    expect(() => y4mVideo([odd], 10)).toThrow('even frame size');
    expect(() => y4mVideo([qrLabelFrame('KK-0001234'), qrLabelFrame('KK-0001234', { width: 320, height: 240 })], 10)).toThrow('640 × 480');
    expect(() => qrLabelFrame('KK-0001234', { width: 160, height: 120 })).toThrow('needs 232 px');
    expect(() => y4mVideo([], 10)).toThrow('at least one frame');
  });
});
