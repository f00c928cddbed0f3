/**
 * Type tests, checked by the build (`tsc` in `npm run lint`), not run by Vitest: a status, lifecycle action,
 * trail event type, role or error code without a Danish and an English text is a compile error.
 * Each `@ts-expect-error` line proves the check bites: if it stopped failing, tsc would report the unused directive.
 */
import type { MessageKey } from './da';
import type { en } from './en';
import type { Covered, RequiredKey } from './index';

export const everyDomainValueHasAText: Covered<RequiredKey> = true;

// @ts-expect-error a new device status ('lost') without texts does not compile
export const newStatus: Covered<RequiredKey | 'status.lost'> = true;

// @ts-expect-error a new lifecycle action without texts does not compile
export const newAction: Covered<'action.stockTake'> = true;

// @ts-expect-error a new error code without texts does not compile
export const newErrorCode: Covered<'error.BATCH_SEALED'> = true;

// @ts-expect-error a new trail event type without texts does not compile
export const newEvent: Covered<'event.photo_rotated'> = true;

// @ts-expect-error an English catalogue that lacks a key the Danish one has does not compile
export const englishMissingAKey: Record<MessageKey, string> = {} as Omit<typeof en, 'status.listed'>;
