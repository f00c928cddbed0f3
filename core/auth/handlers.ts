/** Sign-in's procedures (issue 13, wt-auth): how people sign in here, local accounts, and the sign-in log. */
import type { HandlerPart } from '../api/handler-table';
import { AppError } from '../errors';
import * as auth from './service';

export const authHandlers: HandlerPart = {
  'auth.methods': async (_input, ctx) => ({
    mode: ctx.sessions.mode,
    oidc: ctx.sessions.oidcName === undefined ? { enabled: false } : { enabled: true, name: ctx.sessions.oidcName },
  }),
  'auth.signIn': async (input, ctx) => {
    // Standalone has no passwords: people choose their profile (session.signIn).
    if (ctx.sessions.mode !== 'shared') throw new AppError('SIGN_IN_FAILED', {}, 'password sign-in in standalone mode');
    return auth.signIn(ctx, input);
  },
  'auth.setPassword': async (input, ctx) => {
    await auth.setPassword(ctx, input);
    return {};
  },
  'auth.changePassword': async (input, ctx) => {
    await auth.changePassword(ctx, input);
    return {};
  },
  'auth.audit': async (input, ctx) => ({ entries: await ctx.store.listAuthAudit(input.limit) }),
};
