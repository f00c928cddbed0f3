/** Asset tags reserved for pre-printed labels. */
import type { HandlerPart } from '../api/handler-table';
import { allocateTags } from './service';

export const tagHandlers: HandlerPart = {
  'tags.allocate': (input, ctx) => allocateTags(ctx, input),
};
