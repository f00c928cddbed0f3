/**
 * Serial numbers as a person pastes them from a recycler's certificate: a column from a spreadsheet (one per
 * line, maybe with Windows line ends), a row (tab-separated), or a list written with semicolons or commas.
 * Blanks are left out and each serial is trimmed; duplicates are kept, because the reconciliation reports the
 * serials a certificate lists twice and the person should see the same figure there as in the paste.
 */
export function splitSerials(text: string): string[] {
  return text
    .split(/[\r\n\t;,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A file's bytes as base64 (how the contract carries a certificate's PDF). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // why: String.fromCharCode(...all) overflows the call stack for a PDF of a few MB; 32 KB chunks do not
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
