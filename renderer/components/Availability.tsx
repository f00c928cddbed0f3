/**
 * "Ledig fra 10.11.2026 · Tilbydes til 09.01.2027" for a device on the marketplace: when it can first be reserved
 * (only while that is still ahead) and its last day on offer. For the device page and the marketplace's cards.
 */
import type { Device } from '../../shared/schemas';
import { useI18n } from '../i18n';

export function Availability({ device }: { device: Pick<Device, 'status' | 'availableFrom' | 'offerUntil'> }) {
  const { t, day } = useI18n();
  if (device.status !== 'listed') return null;
  const today = new Date().toLocaleDateString('sv-SE');
  const parts: string[] = [];
  if (device.availableFrom !== undefined && device.availableFrom > today) parts.push(t('availability.from', { day: day(device.availableFrom) }));
  if (device.offerUntil !== undefined) parts.push(t('availability.until', { day: day(device.offerUntil) }));
  if (parts.length === 0) return null;
  return (
    <p className="availability" data-testid="availability">
      {parts.join(' · ')}
    </p>
  );
}
