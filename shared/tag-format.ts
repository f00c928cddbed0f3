/**
 * The one place that knows what an asset tag looks like (issue 12): the organisation's prefix letters, a hyphen
 * and the tag's number padded to a width ("KK-0001234"). An admin chooses prefix and width in the settings
 * until the first tag is issued (TAG_FORMAT_LOCKED after), so every tag in a store has the store's format.
 * Runs anywhere: the core formats new tags with it, scanning and the renderer read tags with it.
 */
import type { Settings } from './schemas';

export interface TagFormat {
  /** Capital letters before the hyphen ("KK"). */
  readonly prefix: string;
  /** Digits the number is padded to; a number past them keeps its digits (up to TAG_DIGITS_MAX). */
  readonly width: number;
}

export const TAG_PREFIX_PATTERN = /^[A-Z]{2,5}$/;
export const TAG_WIDTH_MIN = 5;
export const TAG_WIDTH_MAX = 10;
/** The most digits a tag's number may have, whatever the width. */
const TAG_DIGITS_MAX = 10;

/** Kredsløb's format since the first release: every tag and test written before issue 12 has it. */
export const DEFAULT_TAG_FORMAT: TagFormat = { prefix: 'KK', width: 7 };

/**
 * Any tag some allowed format could give (2–5 capitals, a hyphen, 5–10 digits): what the contract's schema lets
 * through. Whether it is a tag of this store's format is the format's to say (isTagOf).
 */
export const ANY_TAG_PATTERN = /^[A-Z]{2,5}-\d{5,10}$/;

/** The format the settings choose (the default where they choose none). */
export function tagFormatOf(settings: Pick<Settings, 'tagPrefix' | 'tagWidth'> | undefined): TagFormat {
  return { prefix: settings?.tagPrefix ?? DEFAULT_TAG_FORMAT.prefix, width: settings?.tagWidth ?? DEFAULT_TAG_FORMAT.width };
}

/** The n-th tag of a format (1234 → "KK-0001234"). */
export function formatTag(format: TagFormat, n: number): string {
  return `${format.prefix}-${String(n).padStart(format.width, '0')}`;
}

/** Whether an upper-case, trimmed text is a tag of this format (its prefix, at least `width` digits). */
export function isTagOf(format: TagFormat, text: string): boolean {
  if (!text.startsWith(`${format.prefix}-`)) return false;
  const digits = text.slice(format.prefix.length + 1);
  return digits.length >= format.width && digits.length <= TAG_DIGITS_MAX && /^\d+$/.test(digits);
}

/** The number of a well-formed tag of any format ("KK-0001234" → 1234). */
export function tagNumber(tag: string): number {
  return Number(tag.slice(tag.lastIndexOf('-') + 1));
}

/** What the format's tags look like, for hints and messages ("KK-0001234"). */
export function tagExample(format: TagFormat): string {
  return formatTag(format, 1234);
}
