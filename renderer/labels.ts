/**
 * Catalogue keys for domain values. The template types make the compiler check that the catalogue has a
 * label for every category, state, event, role … in shared/schemas.ts.
 */
import type { ActorRole, Action } from '../shared/lifecycle';
import type { Category, Condition, DeviceStatus, EwasteReason, SanitizationMethod, Specs, TrailEventType } from '../shared/schemas';
import type { BatchStatus, CERTIFICATE_KINDS, WEEE_KEYS, CONTAINER_TYPES, MEDIA_TYPES, RESERVATION_STATUSES, VERIFICATION_METHODS } from '../shared/schemas';
import type { SEARCH_SORTS } from '../shared/contract';
import type { MessageKey } from '../shared/i18n';
import { CATEGORY_FACTS, type WeeeCategory } from '../shared/categories';
import type { TFunction } from './i18n';

export const categoryKey = (c: Category) => `category.${c}` as const satisfies MessageKey;
export const statusKey = (s: DeviceStatus) => `status.${s}` as const satisfies MessageKey;
export const conditionKey = (c: Condition) => `condition.${c}` as const satisfies MessageKey;
export const eventKey = (e: TrailEventType) => `event.${e}` as const satisfies MessageKey;
export const roleKey = (r: ActorRole) => `role.${r}` as const satisfies MessageKey;
export const methodKey = (m: SanitizationMethod) => `method.${m}` as const satisfies MessageKey;
export const mediaKey = (m: (typeof MEDIA_TYPES)[number]) => `media.${m}` as const satisfies MessageKey;
export const verificationKey = (v: (typeof VERIFICATION_METHODS)[number]) => `verification.${v}` as const satisfies MessageKey;
export const reservationStatusKey = (s: (typeof RESERVATION_STATUSES)[number]) =>
  `reservationStatus.${s}` as const satisfies MessageKey;
export const sortKey = (s: (typeof SEARCH_SORTS)[number]) => `sort.${s}` as const satisfies MessageKey;
export const ewasteReasonKey = (r: EwasteReason) => `ewasteReason.${r}` as const satisfies MessageKey;
/** A WEEE category as the device carries it (a number) or as a batch keys its weights (a string). */
export const weeeKey = (w: WeeeCategory | (typeof WEEE_KEYS)[number]) => `weee.${w}` as const satisfies MessageKey;
export const batchStatusKey = (s: BatchStatus) => `batchStatus.${s}` as const satisfies MessageKey;
export const containerKey = (c: (typeof CONTAINER_TYPES)[number]) => `container.${c}` as const satisfies MessageKey;
export const certificateKindKey = (k: (typeof CERTIFICATE_KINDS)[number]) => `certificateKind.${k}` as const satisfies MessageKey;
export const storageKey = (s: NonNullable<Specs['storageType']>) => `storage.${s}` as const satisfies MessageKey;

/** The device actions that have a button or link on the device page. */
export const UI_ACTIONS = ['publish', 'unpublish', 'reserve', 'cancelReservation', 'recordSanitization', 'checkIn', 'handOver', 'reportAgain'] as const satisfies readonly Action[];
export type UiAction = (typeof UI_ACTIONS)[number];
export const actionKey = (a: UiAction) => `action.${a}` as const satisfies MessageKey;

/** "Intel i5-8365U · 16 GB RAM · 256 GB SSD · 14"" */
export function specsSummary(specs: Specs, t: TFunction, number: (n: number) => string): string {
  const parts: string[] = [];
  if (specs.cpu) parts.push(specs.cpu);
  if (specs.ramGb !== undefined) parts.push(t('specs.ram', { gb: number(specs.ramGb) }));
  if (specs.storageGb !== undefined)
    parts.push(t('specs.storage', { gb: number(specs.storageGb), type: specs.storageType ? t(storageKey(specs.storageType)) : '' }).trim());
  else if (specs.storageType) parts.push(t(storageKey(specs.storageType)));
  if (specs.screenInch !== undefined) parts.push(t('specs.screen', { inch: number(specs.screenInch) }));
  return parts.join(' · ');
}

/**
 * "2,0 kg" or, when the weight is the category's typical one (what a report without a weight is given), "1,6 kg (typisk)":
 * a reader must not take an assumed weight for a weighed one. The device does not record whether a person typed it,
 * so a typed weight that equals the typical one is also called typical, which is still true of its value.
 */
export function weightText(device: { category: Category; weightKg: number }, t: TFunction, number: (n: number, digits?: number) => string, digits: number): string {
  const kg = number(device.weightKg, digits);
  return device.weightKg === CATEGORY_FACTS[device.category].typicalWeightKg ? t('device.weightTypical', { kg }) : t('device.weightValue', { kg });
}
