/** Choosing a profile (standalone mode) and who is signed in. */
import type { HandlerContext, HandlerPart } from '../api/handler-table';
import { signOut } from '../auth/service';
import { requireUser } from '../context';
import { AppError, notFound } from '../errors';
import { isActiveUser } from '../../shared/schemas';

/** In shared mode (issue 13) nobody chooses a profile: the list of people stays hidden and a pick is refused. */
function refuseInSharedMode(ctx: HandlerContext): void {
  if (ctx.sessions.mode === 'shared') throw new AppError('SHARED_MODE');
}

export const sessionHandlers: HandlerPart = {
  'session.profiles': async (_input, ctx) => {
    refuseInSharedMode(ctx);
    return {
    // A deactivated person (issue 12) is not offered: they may not sign in.
    users: (await ctx.store.listUsers()).filter(isActiveUser),
    departments: await ctx.store.listDepartments(),
    };
  },
  'session.signIn': async (input, ctx) => {
    refuseInSharedMode(ctx);
    const user = await ctx.store.getUser(input.userId);
    if (!user) throw notFound('user', input.userId);
    if (!isActiveUser(user)) throw new AppError('USER_INACTIVE', { person: user.name });
    return { token: ctx.sessions.start(user.id), user };
  },
  'session.signOut': async (_input, ctx) => {
    await signOut(ctx, ctx.token);
    return {};
  },
  'session.me': async (_input, ctx) => ({ user: requireUser(ctx.actor) }),
};
