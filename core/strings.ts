/**
 * A copy of `s` that holds no other string alive. V8 cuts a substring of 13 or more characters (split, trim,
 * slice) out of its parent without copying it, so a value kept from a parsed line keeps the whole line; a long
 * lived record should hold its own copy. A round trip through JSON is the cheapest copy that V8 cannot share.
 */
export function ownString(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string; // why: JSON.parse of a JSON string literal gives a string
}
