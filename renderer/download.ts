/**
 * Handing a file the core made to the person. The browser and the desktop app both take an <a download>
 * of a Blob: the browser saves it to Downloads, Electron shows its own save dialog (its default for a
 * download nobody intercepts). Nothing is opened in a new tab: the desktop app refuses new windows, and a
 * browser would block a window opened after the round trip to the core as a pop-up.
 */
import type { StockId } from '../shared/labels/stocks';

/** The bytes of a base64 text (the core sends PDFs this way over both transports). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** "kredslob-maerkater-KK-0000401-KK-0000465-avery-l7651.pdf"; one tag is named once. */
export function labelFileName(tags: readonly string[], stock: StockId): string {
  const first = tags[0] ?? '';
  const last = tags[tags.length - 1] ?? first;
  const range = first === last ? first : `${first}-${last}`;
  // Tags are KK-0001234 by their schema; anything else a file system might mind is dropped all the same.
  const safe = `kredslob-maerkater-${range}-${stock}`.replace(/[^A-Za-z0-9-]+/g, '').replace(/-{2,}/g, '-');
  return `${safe}.pdf`;
}

/** How long the object URL outlives the click: some browsers start reading the Blob after the event. */
const REVOKE_AFTER_MS = 60_000;

/** Save bytes or text as a file through the browser's (or Electron's) own download handling. */
export function saveFile(content: BlobPart, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  // why: Firefox only follows a download link that is in the document
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
