/** Narrow a string from the outside (a URL, storage, a <select>) to one of a fixed list of values. */

/** `value` as one of `values`, or undefined when it is none of them (or missing). */
export function memberOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((v) => v === value);
}
