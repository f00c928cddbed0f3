/** The sign-in group table's procedures (issue 13, wt-oidc); the identity provider's flow itself is HTTP (core/http/oidc-routes.ts). */
import type { HandlerPart } from '../api/handler-table';
import * as groups from './oidc-groups';

export const oidcGroupHandlers: HandlerPart = {
  'oidcGroups.list': (_input, ctx) => groups.listOidcGroups(ctx),
  'oidcGroups.save': (input, ctx) => groups.saveOidcGroup(ctx, input),
  'oidcGroups.remove': (input, ctx) => groups.removeOidcGroup(ctx, input),
};
