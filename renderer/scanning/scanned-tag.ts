/**
 * What an asset tag looks like when it is scanned: the one predicate every scan path asks (the wedge listener,
 * the scan stations, the camera, opening a device from anywhere). Either label payload form is accepted (the
 * bare tag or kredslob://device/KK-0001234, shared/labels/payload.ts), in the store's tag format (issue 12: the
 * settings choose prefix and width). Returns the tag, or undefined.
 */
import { useMemo } from 'react';
import { tagFromScan } from '../../shared/labels/payload';
import { DEFAULT_TAG_FORMAT, tagExample, tagFormatOf, type TagFormat } from '../../shared/tag-format';
import { useReference } from '../reference-context';

export type ReadTag = (text: string) => string | undefined;

/** The reader of one tag format. */
export const tagReader =
  (format: TagFormat): ReadTag =>
  (text) =>
    tagFromScan(text, format).tag;

/** The reader of the default format (KK and 7 digits). */
export const readScannedTag: ReadTag = tagReader(DEFAULT_TAG_FORMAT);

/** This store's tag format, from the settings in the reference data. */
function useTagFormat(): TagFormat {
  return tagFormatOf(useReference().settings);
}

/** The reader of this store's format. */
export function useReadTag(): ReadTag {
  const { prefix, width } = useTagFormat();
  return useMemo(() => tagReader({ prefix, width }), [prefix, width]);
}

/** What this store's tags look like, for hints and messages ("KK-0001234"). */
export function useTagExample(): string {
  return tagExample(useTagFormat());
}
