/** Asset tags: the next free tag, and tags reserved in advance for pre-printed labels. */
import { formatAssetTag } from '../../shared/categories';
import type { ProcedureArgs } from '../../shared/contract';
import type { ServiceContext } from '../context';
import type { StoreTx } from '../store/store';

/**
 * The next tag number nobody holds: the store's counter never goes back (also across restarts), and a
 * number already on a device (a tag typed in by hand ahead of the counter) is passed over.
 */
export async function nextFreeAssetTag(tx: StoreTx): Promise<string> {
  let tag: string;
  do tag = formatAssetTag(await tx.allocateAssetTagNumber());
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
