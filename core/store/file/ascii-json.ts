/** JSON with every non-ASCII character escaped (\u00f8), so a file of it is pure ASCII and reads back as latin1 fast. */
export function asciiJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Something the snapshot writer streams itself instead of stringifying (see snapshot.ts). */
export interface JsonStream {
  writeJson(write: (text: string) => Promise<void>): Promise<void>;
}

export function isJsonStream(value: unknown): value is JsonStream {
  return typeof value === 'object' && value !== null && typeof (value as Partial<JsonStream>).writeJson === 'function';
}
