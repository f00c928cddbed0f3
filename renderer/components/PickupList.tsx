/**
 * Modtag på lager's work list: reported devices waiting to be collected, by site, oldest first, so a driver's
 * round can be planned and printed. A pre-printed label with no device yet is linked here to the reported
 * device it was stuck on, and checked in at once with the station's condition and shelf.
 */
import { useState, type FormEvent } from 'react';
import type { Condition } from '../../shared/schemas';
import { client, errorText } from '../api/instance';
import { useI18n } from '../i18n';
import { useReadTag } from '../scanning/scanned-tag';
import { useAsync } from '../use-async';
import { Banner } from './Banner';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { TagInput } from './TagInput';
import { TableHead } from './TableHead';

interface Props {
  /** The station's current choices; linking checks the device in with them. */
  condition: Condition | '';
  shelf: string;
  /** Bumped by the station after each check-in so the list stays current. */
  refreshKey: number;
}

export function PickupList({ condition, shelf, refreshKey }: Props) {
  const { t, dateTime, tPlural } = useI18n();
  const list = useAsync(() => client.call('devices.awaitingPickup', {}), [refreshKey]);
  const readTag = useReadTag();
  const [tag, setTag] = useState('');
  const [deviceId, setDeviceId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();

  async function link(e: FormEvent) {
    e.preventDefault();
    const assetTag = readTag(tag);
    if (!assetTag || !deviceId || !condition || !shelf) {
      setMessage({ ok: false, text: t('pickup.linkIncomplete') });
      return;
    }
    try {
      const device = await client.call('devices.checkIn', { assetTag, deviceId, condition, locationId: shelf });
      setMessage({ ok: true, text: t('pickup.linked', { tag: device.assetTag, model: `${device.manufacturer} ${device.model}` }) });
      setTag('');
      setDeviceId('');
      list.reload();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, t('common.unexpectedError')) });
    }
  }

  const devices = list.data?.sites.flatMap((s) => s.devices) ?? [];
  return (
    <section className="pickup-list" aria-labelledby="pickup-title">
      <div className="section-head">
        <h2 id="pickup-title">{t('pickup.title')}</h2>
        <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
          {t('pickup.print')}
        </button>
      </div>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && (
        <>
          <p className="muted" data-testid="pickup-total">
            {tPlural('pickup.total', list.data.total)}
          </p>
          {list.data.sites.map(({ location, devices: atSite }) => (
            <div key={location.id} className="pickup-site" data-testid="pickup-site">
              <h3>
                {location.name} <span className="muted">({atSite.length})</span>
              </h3>
              <table className="data-table">
                <TableHead columns={['col.assetTag', 'col.device', 'device.reportedAt']} />
                <tbody>
                  {atSite.map((d) => (
                    <tr key={d.id}>
                      <td className="mono">{d.assetTag}</td>
                      <td>
                        {d.manufacturer} {d.model}
                      </td>
                      <td>{dateTime(d.reportedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
      <form className="link-tag no-print" onSubmit={(e) => void link(e)} aria-labelledby="link-title">
        <h3 id="link-title">{t('pickup.linkTitle')}</h3>
        <p className="hint">{t('pickup.linkIntro')}</p>
        <div className="form-grid">
          <TagInput id="link-tag" label={t('pickup.linkTag')} value={tag} onChange={setTag} />
          <div className="field">
            <label htmlFor="link-device">{t('pickup.linkDevice')}</label>
            <select id="link-device" value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
              <option value="">{t('pickup.chooseDevice')}</option>
              {devices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.assetTag} – {d.manufacturer} {d.model} ({d.serial})
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="button button-primary">
          {t('pickup.linkSubmit')}
        </button>
        {message && (
          <Banner kind={message.ok ? 'success' : 'error'} testId="link-result">
            {message.text}
          </Banner>
        )}
      </form>
    </section>
  );
}
