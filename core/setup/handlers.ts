/** First start's procedures (issue 12): public, like the profile picker, and behind the web mode's secret like every call. */
import type { HandlerPart } from '../api/handler-table';
import * as setup from './service';
import { firstPasswordHash } from '../auth/service';
import { AppError } from '../errors';
import { sameSetupCode } from './setup-code';

export const setupHandlers: HandlerPart = {
  'setup.status': (_input, ctx) => setup.setupStatus(ctx),
  'setup.initialize': async (input, ctx) => {
    const shared = ctx.sessions.mode === 'shared';
    if (shared && (await ctx.store.userCount()) > 0) throw new AppError('SETUP_DONE', {}, 'setup refused: the store has users'); // before spending a password hash
    if (shared && !sameSetupCode(input.setupCode, ctx.sessions.setupCode)) throw new AppError('SETUP_CODE_WRONG', {}, 'setup refused: wrong setup code', { setupCode: 'setup_code_wrong' });
    const user = await setup.initialize(ctx, input, shared ? await firstPasswordHash(input) : undefined);
    // Signed in as the new admin, as choosing their profile would (session.signIn).
    return { token: ctx.sessions.start(user.id), user };
  },
};
