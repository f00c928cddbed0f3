/**
 * QR decoding for the camera scanner with zxing-wasm (Chromium has no native BarcodeDetector on Linux or
 * Windows). The package fetches its .wasm from a CDN by default, which fails offline and is refused by our CSP:
 * Vite emits the file into the app's own assets and `locateFile` points there (needs 'wasm-unsafe-eval').
 */
import { prepareZXingModule, purgeZXingModule, readBarcodes } from 'zxing-wasm/reader';
import readerWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

let loading: Promise<void> | undefined;

/** Loads and compiles the decoder once; rejects when the wasm file cannot be fetched or compiled. */
export function loadQrDecoder(): Promise<void> {
  loading ??= prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? readerWasmUrl : prefix + path) },
    fireImmediately: true,
  }).then(
    () => undefined,
    (error: unknown) => {
      // why: the module caches its failed promise; purging lets "Try again" load it afresh
      purgeZXingModule();
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The texts of the valid QR codes in one camera frame (usually none or one). */
export async function decodeQrCodes(frame: ImageData): Promise<string[]> {
  const results = await readBarcodes(frame, { formats: ['QRCode'], tryHarder: true });
  return results.filter((r) => r.isValid && r.text !== '').map((r) => r.text);
}
