/**
 * sharp, loaded when the first image (a device photo or a hand-over signature) arrives rather than when the
 * server starts. Loading it and its libvips binary took about 160 ms of the 950 ms CPU of a web server's start
 * (a --cpu-prof of `node dist/server/main.mjs` over the demo), and most starts, every end-to-end test's
 * included, never see an image.
 */
import type sharpType from 'sharp';
import { nodeRequire } from '../resolve-module';

export type Sharp = typeof sharpType;

let loaded: Sharp | undefined;

export function loadSharp(): Sharp {
  // why require, not import(): the desktop bundle loads sharp unpacked from the asar through require, as it did
  // when sharp was a static import.
  // why the cast: require answers unknown; this is sharp's CommonJS export, the function its types describe.
  // A failed load throws and is not kept, so the next image reports its cause again.
  loaded ??= nodeRequire()('sharp') as Sharp;
  return loaded;
}
