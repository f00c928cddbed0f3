/** Reference data every form and label needs: administrations, units, locations, settings. */
import type { HandlerPart } from '../api/handler-table';

export const referenceHandlers: HandlerPart = {
  'reference.get': async (_input, ctx) => ({
    departments: await ctx.store.listDepartments(),
    units: await ctx.store.listUnits(),
    locations: await ctx.store.listLocations(),
    settings: await ctx.store.getSettings(),
  }),
};
