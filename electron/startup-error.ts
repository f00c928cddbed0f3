/** What the user is told when the desktop app cannot start: a title and a message in their language. */
import { translate, type Locale } from '../shared/i18n';
import { AppError } from '../core/errors';
import { errorMessage } from '../shared/messages';

export interface StartupFailure {
  title: string;
  message: string;
}

export function describeStartupFailure(err: unknown, dataDir: string, locale: Locale): StartupFailure {
  if (err instanceof AppError && err.code === 'STORE_LOCKED') {
    return { title: translate(locale, 'startup.lockedTitle'), message: translate(locale, 'startup.lockedBody', { dir: dataDir }) };
  }
  // A missing or wrong trail key is the user's (or IT's) to fix: say it in their language, with where it was looked for.
  const keyProblem = err instanceof AppError && (err.code === 'TRAIL_KEY_MISSING' || err.code === 'TRAIL_KEY_MISMATCH');
  const reason = keyProblem ? errorMessage(err.code, err.params, locale) : err instanceof Error ? err.message : String(err);
  return {
    title: translate(locale, 'startup.failedTitle'),
    message: translate(locale, 'startup.failedBody', { dir: dataDir, reason }),
  };
}
