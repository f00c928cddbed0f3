/** Device photos. */
import type { HandlerPart } from '../api/handler-table';
import { addPhoto, photoImage, removePhoto } from './service';

export const photoHandlers: HandlerPart = {
  'devices.addPhoto': (input, ctx) => addPhoto(ctx, input),
  'devices.removePhoto': (input, ctx) => removePhoto(ctx, input),
  'devices.photo': (input, ctx) => photoImage(ctx, input),
};
