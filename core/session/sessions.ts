/**
 * Standalone sessions: a person picks a profile and gets a token. Shared mode will put real sign-in in
 * front of the same token check.
 */
import { randomBytes } from 'node:crypto';

export class Sessions {
  private readonly byToken = new Map<string, string>();

  start(userId: string): string {
    const token = randomBytes(24).toString('base64url');
    this.byToken.set(token, userId);
    return token;
  }

  userIdFor(token: string | undefined): string | undefined {
    return token === undefined ? undefined : this.byToken.get(token);
  }
}
