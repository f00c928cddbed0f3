/** The admin screens' procedures for reference data (issue 12): administrations, units, locations, people. */
import type { HandlerPart } from '../api/handler-table';
import * as reference from './reference';

export const referenceAdminHandlers: HandlerPart = {
  'departments.save': (input, ctx) => reference.saveDepartment(ctx, input),
  'units.save': (input, ctx) => reference.saveUnit(ctx, input),
  'units.remove': (input, ctx) => reference.removeUnit(ctx, input),
  'locations.save': (input, ctx) => reference.saveLocation(ctx, input),
  'locations.remove': (input, ctx) => reference.removeLocation(ctx, input),
  'users.list': (_input, ctx) => reference.listUsers(ctx),
  'users.save': (input, ctx) => reference.saveUser(ctx, input),
  'users.setActive': (input, ctx) => reference.setUserActive(ctx, input),
};
