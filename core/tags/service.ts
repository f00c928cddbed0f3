/** Asset tags: the next free tag, and tags reserved in advance for pre-printed labels. */
import { formatTag, tagExample, tagFormatOf } from '../../shared/tag-format';
import type { ProcedureArgs } from '../../shared/contract';
import { tagFromScan } from '../../shared/labels/payload';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import type { StoreReads, StoreTx } from '../store/store';

/**
 * The next tag number nobody holds, in the settings' tag format: the store's counter never goes back (also
 * across restarts), and a number already on a device (a tag typed in by hand ahead of the counter) is passed over.
 */
export async function nextFreeAssetTag(tx: StoreTx): Promise<string> {
  const format = tagFormatOf(await tx.getSettings());
  let tag: string;
  do tag = formatTag(format, await tx.allocateAssetTagNumber());
  while (await tx.getDeviceByTag(tag));
  return tag;
}

/**
 * Reserve the next `count` free tags for labels printed before their devices are reported. One
 * transaction: a concurrent report or allocation gets numbers after these, never one of them.
 */
export async function allocateTags(ctx: ServiceContext, input: ProcedureArgs<'tags.allocate'>): Promise<{ tags: string[] }> {
  return ctx.store.transaction(async (tx) => {
    const tags: string[] = [];
    for (let i = 0; i < input.count; i++) tags.push(await nextFreeAssetTag(tx));
    return { tags };
  });
}

/**
 * The tags in scans or typed texts (either label payload form), in order, each of the store's tag format.
 * @throws ASSET_TAG_MALFORMED naming the first text that is not one, with how many are not
 */
export async function tagsFromScans(reads: Pick<StoreReads, 'getSettings'>, scans: readonly string[]): Promise<string[]> {
  const format = tagFormatOf(await reads.getSettings());
  const tags: string[] = [];
  const bad: string[] = [];
  for (const text of scans) {
    const { tag } = tagFromScan(text, format);
    if (tag === undefined) bad.push(text.trim());
    else tags.push(tag);
  }
  const [first] = bad;
  if (first !== undefined) {
    const shown = first.length > 40 ? `${first.slice(0, 40)}…` : first;
    throw new AppError('ASSET_TAG_MALFORMED', { assetTag: shown, count: bad.length, example: tagExample(format) }, `${bad.length} malformed tag(s)`);
  }
  return tags;
}
