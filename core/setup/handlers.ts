/** First start's procedures (issue 12): public, like the profile picker, and behind the web mode's secret like every call. */
import type { HandlerPart } from '../api/handler-table';
import * as setup from './service';

export const setupHandlers: HandlerPart = {
  'setup.status': (_input, ctx) => setup.setupStatus(ctx),
  'setup.initialize': async (input, ctx) => {
    const user = await setup.initialize(ctx, input);
    // Signed in as the new admin, as choosing their profile would (session.signIn).
    return { token: ctx.sessions.start(user.id), user };
  },
};
