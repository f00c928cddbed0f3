/** Choosing a profile (standalone mode) and who is signed in. */
import type { HandlerPart } from '../api/handler-table';
import { requireUser } from '../context';
import { notFound } from '../errors';

export const sessionHandlers: HandlerPart = {
  'session.profiles': async (_input, ctx) => ({
    users: await ctx.store.listUsers(),
    departments: await ctx.store.listDepartments(),
  }),
  'session.signIn': async (input, ctx) => {
    const user = await ctx.store.getUser(input.userId);
    if (!user) throw notFound('user', input.userId);
    return { token: ctx.sessions.start(user.id), user };
  },
  'session.signOut': async (_input, ctx) => {
    ctx.sessions.end(ctx.token);
    return {};
  },
  'session.me': async (_input, ctx) => ({ user: requireUser(ctx.actor) }),
};
