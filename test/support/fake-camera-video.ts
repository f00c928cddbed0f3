/**
 * A video for Chromium's fake camera (`--use-file-for-fake-video-capture=<file>.y4m`): a printed QR label lying
 * on a desk, as YUV4MPEG2 4:2:0 frames. The code is drawn from the `qrcode` package's module matrix — the same
 * matrix a printed label carries — with its 4-module quiet zone, into the luma plane; the chroma planes stay
 * neutral (128), so the picture is grey like a label under a webcam.
 */
import QRCode from 'qrcode';

/** One grey picture: `luma` holds width × height brightness values, row by row. */
export interface LumaFrame {
  width: number;
  height: number;
  luma: Uint8Array;
}

/** Video-range brightness levels (BT.601: 16 is black, 235 white), as a camera delivers them. */
const BLACK = 16;
const WHITE = 235;
const DESK = 110;
const NEUTRAL_CHROMA = 128;

export interface QrLabelOptions {
  width?: number;
  height?: number;
  /** Pixels per QR module; 8 px at 640 × 480 is a label held a hand's width from a webcam. */
  modulePx?: number;
  /** Light margin around the code, in modules (the QR standard asks for 4). */
  quietZoneModules?: number;
}

/** A frame with the QR code of `text` (error correction M) on a white label in the middle of a grey desk. */
export function qrLabelFrame(text: string, options: QrLabelOptions = {}): LumaFrame {
  const { width = 640, height = 480, modulePx = 8, quietZoneModules = 4 } = options;
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const labelPx = (modules.size + 2 * quietZoneModules) * modulePx;
  if (labelPx > width || labelPx > height) {
    throw new Error(`a ${modules.size}-module code at ${modulePx} px per module needs ${labelPx} px; the frame is ${width} × ${height}`);
  }
  const luma = new Uint8Array(width * height).fill(DESK);
  const left = Math.floor((width - labelPx) / 2);
  const top = Math.floor((height - labelPx) / 2);
  const codeLeft = left + quietZoneModules * modulePx;
  const codeTop = top + quietZoneModules * modulePx;
  for (let y = top; y < top + labelPx; y++) {
    for (let x = left; x < left + labelPx; x++) {
      const row = Math.floor((y - codeTop) / modulePx);
      const col = Math.floor((x - codeLeft) / modulePx);
      const inCode = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      luma[y * width + x] = inCode && modules.get(row, col) ? BLACK : WHITE;
    }
  }
  return { width, height, luma };
}

/** The stream header: frame size, rate, progressive, square pixels, 4:2:0 with JPEG chroma siting. */
export function y4mHeader(width: number, height: number, fps: number): string {
  return `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`;
}

/** Bytes of one frame after its "FRAME\n" marker: the full luma plane and two quarter-size chroma planes. */
export function y4mFrameBytes(width: number, height: number): number {
  return width * height + 2 * (width / 2) * (height / 2);
}

/** A whole .y4m file of `frames` (all the same, even size) at `fps` frames a second. */
export function y4mVideo(frames: readonly LumaFrame[], fps: number): Uint8Array {
  const first = frames[0];
  if (!first) throw new Error('a video needs at least one frame');
  const { width, height } = first;
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error(`4:2:0 needs an even frame size, not ${width} × ${height}`);
  for (const frame of frames) {
    if (frame.width !== width || frame.height !== height || frame.luma.length !== width * height) {
      throw new Error(`every frame must be ${width} × ${height}`);
    }
  }
  const encoder = new TextEncoder();
  const header = encoder.encode(y4mHeader(width, height, fps));
  const marker = encoder.encode('FRAME\n');
  const frameBytes = y4mFrameBytes(width, height);
  const out = new Uint8Array(header.length + frames.length * (marker.length + frameBytes));
  out.set(header, 0);
  let at = header.length;
  for (const frame of frames) {
    out.set(marker, at);
    at += marker.length;
    out.set(frame.luma, at);
    out.fill(NEUTRAL_CHROMA, at + frame.luma.length, at + frameBytes);
    at += frameBytes;
  }
  return out;
}
