/**
 * A device's WEEE category on its page: the category's default or a person's override, and for those who may
 * change it (warehouse, administrator) a select while the device has not gone to the recycler. The core also
 * refuses once the device's batch is sealed (its weights were measured per category); that refusal shows here.
 */
import { useState } from 'react';
import { CATEGORY_FACTS, WEEE_CATEGORIES, WEEE_SETTLED_STATUSES, weeeOf, type WeeeCategory } from '../../shared/categories';
import type { Device } from '../../shared/schemas';
import { client, errorText } from '../api/instance';
import { useT } from '../i18n';
import { weeeKey } from '../labels';
import { mayCall } from '../may-call';
import { useUser } from '../session-context';

/** The select's value: "" is the category's default. */
const toChoice = (device: Device) => (device.weeeOverride === undefined ? '' : String(device.weeeOverride));
const fromChoice = (value: string): WeeeCategory | null => WEEE_CATEGORIES.find((w) => String(w) === value) ?? null;

export function WeeeCategoryField({ device, onChanged }: { device: Device; onChanged: () => void }) {
  const t = useT();
  const user = useUser();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const mayChange = mayCall(user.role, 'devices.setWeeeCategory') && !WEEE_SETTLED_STATUSES.includes(device.status);
  const selectId = 'device-weee-select';

  async function change(value: string) {
    setBusy(true);
    setError(undefined);
    try {
      await client.call('devices.setWeeeCategory', { deviceId: device.id, weeeCategory: fromChoice(value) });
      onChanged();
    } catch (err) {
      setError(errorText(err, t('common.unexpectedError')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="weee-field">
      <span data-testid="device-weee">
        {t(weeeKey(weeeOf(device)))}
        {device.weeeOverride !== undefined && <span className="muted"> {t('weee.overridden')}</span>}
      </span>
      {mayChange && (
        <>
          <label htmlFor={selectId} className="visually-hidden">
            {t('action.setWeeeCategory')}
          </label>
          <select
            id={selectId}
            value={toChoice(device)}
            disabled={busy}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${selectId}-error` : undefined}
            onChange={(e) => void change(e.target.value)}
          >
            <option value="">{t('weee.categoryDefault', { weee: CATEGORY_FACTS[device.category].weee })}</option>
            {WEEE_CATEGORIES.map((w) => (
              <option key={w} value={String(w)}>
                {t(weeeKey(w))}
              </option>
            ))}
          </select>
        </>
      )}
      {error && (
        <p id={`${selectId}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
