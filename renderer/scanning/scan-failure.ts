/** Why a scan failed, as one line that names the tag: the core's reason, or the station's own refusal. */
import { ApiError } from '../api/client';
import type { TFunction } from '../i18n';

/** A scan the station refused before calling the core; the message is already the full text to show. */
export class ScanRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanRefused';
  }
}

/** The scan's call never reached the core (the server could not be reached): it was not done and may be sent again. */
export function wasNotSent(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'SERVER_UNREACHABLE';
}

export function scanFailureText(error: unknown, label: string, t: TFunction): string {
  if (error instanceof ScanRefused) return error.message;
  let reason = t('common.unexpectedError');
  if (error instanceof ApiError) {
    // why: a VALIDATION message is the generic "some fields…"; the field messages say what was wrong
    const fieldTexts = Object.values(error.fields);
    reason = error.code === 'VALIDATION' && fieldTexts.length > 0 ? fieldTexts.join(' ') : error.message;
  }
  return reason.includes(label) ? reason : t('scan.failedReason', { tag: label, reason });
}
