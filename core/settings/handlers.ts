/** The settings domain's procedures (issue 12). */
import type { HandlerPart } from '../api/handler-table';
import * as settings from './service';

export const settingsHandlers: HandlerPart = {
  'settings.get': (_input, ctx) => settings.getSettings(ctx),
  'settings.save': (input, ctx) => settings.saveSettings(ctx, input),
};
