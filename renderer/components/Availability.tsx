/**
 * "Ledig fra 10.11.2026 · Tilbydes til 09.01.2027" for a device on the marketplace: when it can first be reserved
 * (only while that is still ahead) and its last day on offer. For the device page and the marketplace's cards.
 */
import { copenhagenDay } from '../../shared/days';
import type { Device } from '../../shared/schemas';
import { useI18n, type TFunction } from '../i18n';

type Offer = Pick<Device, 'status' | 'availableFrom' | 'offerUntil'>;

/** The availability in words, or undefined when there is nothing to say (not listed, or no days set). */
export function availabilityText(device: Offer, t: TFunction, day: (iso: string) => string): string | undefined {
  if (device.status !== 'listed') return undefined;
  // The municipality's day, as the core decides availability by.
  const today = copenhagenDay(new Date());
  const parts: string[] = [];
  if (device.availableFrom !== undefined && device.availableFrom > today) parts.push(t('availability.from', { day: day(device.availableFrom) }));
  if (device.offerUntil !== undefined) parts.push(t('availability.until', { day: day(device.offerUntil) }));
  return parts.length ? parts.join(' · ') : undefined;
}

export function Availability({ device }: { device: Offer }) {
  const { t, day } = useI18n();
  const text = availabilityText(device, t, day);
  if (!text) return null;
  return (
    <p className="availability" data-testid="availability">
      {text}
    </p>
  );
}
