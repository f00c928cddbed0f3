/** E-waste routing. */
import type { HandlerPart } from '../api/handler-table';
import { ewasteSuggestions, routeToEwaste, setWeeeCategory } from './service';

export const ewasteHandlers: HandlerPart = {
  'devices.routeToEwaste': (input, ctx) => routeToEwaste(ctx, input),
  'ewaste.suggestions': (input, ctx) => ewasteSuggestions(ctx, input),
  'devices.setWeeeCategory': (input, ctx) => setWeeeCategory(ctx, input),
};
