/**
 * What a label's QR code holds, and reading it back from a scan. The bare tag (KK-0001234) is the default
 * so a handheld scanner types exactly the tag into any field; a setting may choose the URL form
 * (kredslob://device/KK-0001234), which the desktop app can open as a link. Scanning accepts both.
 */
import { AssetTag, TAG_PAYLOAD_FORMS } from '../schemas';
import { DEFAULT_TAG_FORMAT, isTagOf, type TagFormat } from '../tag-format';

export { TAG_PAYLOAD_FORMS };
export type TagPayloadForm = (typeof TAG_PAYLOAD_FORMS)[number];

export const TAG_URL_PREFIX = 'kredslob://device/';

/** The text to encode for `tag` (already a valid asset tag). */
export function tagPayload(tag: string, form: TagPayloadForm = 'tag'): string {
  return form === 'url' ? `${TAG_URL_PREFIX}${tag}` : tag;
}

/**
 * - `empty`: nothing but white space was scanned.
 * - `not_a_tag`: a kredslob:// link or plain text that is not an asset tag (e.g. KK-12, a serial number).
 * - `foreign`: a link or code of something else (another app's URL, a product barcode with a scheme).
 */
export type ScanProblem = 'empty' | 'not_a_tag' | 'foreign';

export type ScanResult = { tag: string; problem?: undefined } | { tag?: undefined; problem: ScanProblem };

/**
 * The asset tag in a scan of either payload form (case and surrounding white space do not matter), if it has
 * the store's tag format (a batch number or a seal's code of the same shape is not a tag).
 */
export function tagFromScan(text: string, format: TagFormat = DEFAULT_TAG_FORMAT): ScanResult {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'empty' };
  let candidate = trimmed;
  // Scanners with Caps Lock on, or set to upper case, send KREDSLOB://DEVICE/…: the scheme is case-blind.
  if (trimmed.toLowerCase().startsWith(TAG_URL_PREFIX)) candidate = trimmed.slice(TAG_URL_PREFIX.length);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return { problem: 'foreign' };
  const parsed = AssetTag.safeParse(candidate);
  return parsed.success && isTagOf(format, parsed.data) ? { tag: parsed.data } : { problem: 'not_a_tag' };
}
