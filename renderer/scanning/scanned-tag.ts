/**
 * What an asset tag looks like when it is scanned: the one predicate every scan path asks (the wedge listener,
 * the scan stations, opening a device from anywhere). Returns the tag, trimmed and upper-cased, or undefined.
 * To accept more label payloads (e.g. the URL form kredslob://device/KK-0001234), swap the body for the shared
 * parser: `export const readScannedTag = (text: string) => tagFromScan(text) ?? undefined;`.
 */
import { AssetTag } from '../../shared/schemas';

export type ReadTag = (text: string) => string | undefined;

export const readScannedTag: ReadTag = (text) => {
  const parsed = AssetTag.safeParse(text);
  return parsed.success ? parsed.data : undefined;
};
