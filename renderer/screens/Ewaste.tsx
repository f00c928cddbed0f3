/**
 * E-affald: what the rules propose for e-waste (defective, unclaimed on the marketplace, too old), for the
 * warehouse to route all or some in one action, and routing one device by its tag with a reason. Each routed
 * device gets its own trail event; a refusal is shown per device. Below, the routing queue: what waits to be
 * packed in a batch. The sustainability team reads all of it; the routing controls are for those who may route.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { EWASTE_REASONS, type EwasteReason } from '../../shared/schemas';
import { client, errorText } from '../api/instance';
import { Banner } from '../components/Banner';
import { EmptyState } from '../components/EmptyState';
import { EwasteQueue } from '../components/EwasteQueue';
import { EnumOptions } from '../components/EnumOptions';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { TableHead } from '../components/TableHead';
import { TagInput } from '../components/TagInput';
import { useI18n } from '../i18n';
import { categoryKey, ewasteReasonKey } from '../labels';
import { memberOf } from '../member-of';
import { devicePath, href } from '../router';
import { useReadTag } from '../scanning/scanned-tag';
import { mayCall, pathOf } from '../screens';
import { useUser } from '../session-context';
import { useAsync } from '../use-async';

interface Outcome {
  ok: boolean;
  text: string;
}

export function Ewaste() {
  const { t, tPlural, dateTime } = useI18n();
  const readTag = useReadTag();
  const mayRoute = mayCall(useUser().role, 'devices.routeToEwaste');
  const list = useAsync(() => client.call('ewaste.suggestions', { limit: 500 }), []);
  const [queueKey, setQueueKey] = useState(0);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [tag, setTag] = useState('');
  const [reason, setReason] = useState<EwasteReason | ''>('');
  const [note, setNote] = useState('');

  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.device.id));

  /** One call per device, in order: each device is its own transaction and trail event. */
  async function routeSelected() {
    setBusy(true);
    const done: Outcome[] = [];
    for (const { device, reason: why } of items.filter((i) => selected.has(i.device.id))) {
      try {
        await client.call('devices.routeToEwaste', { deviceId: device.id, reason: why });
        done.push({ ok: true, text: t('ewaste.routed', { tag: device.assetTag }) });
      } catch (err) {
        done.push({ ok: false, text: errorText(err, t('common.unexpectedError')) });
      }
    }
    setOutcomes(done);
    setSelected(new Set());
    setBusy(false);
    list.reload();
    setQueueKey((k) => k + 1);
  }

  async function routeOne(e: FormEvent) {
    e.preventDefault();
    const assetTag = readTag(tag);
    if (!assetTag || !reason) {
      setOutcomes([{ ok: false, text: t('ewaste.oneIncomplete') }]);
      return;
    }
    try {
      const device = await client.call('devices.routeToEwaste', { assetTag, reason, note: note.trim() || undefined });
      setOutcomes([{ ok: true, text: t('ewaste.routed', { tag: device.assetTag }) }]);
      setTag('');
      setNote('');
      list.reload();
      setQueueKey((k) => k + 1);
    } catch (err) {
      setOutcomes([{ ok: false, text: errorText(err, t('common.unexpectedError')) }]);
    }
  }

  return (
    <>
      <h1>{t('ewaste.title')}</h1>
      <p className="lead">{t('ewaste.intro')}</p>
      <p>
        <a href={href(pathOf('batches'))} data-testid="ewaste-batches-link">
          {t('ewaste.batchesLink')}
        </a>
      </p>
      {outcomes.length > 0 && (
        <ul className="ewaste-outcomes" data-testid="ewaste-outcomes">
          {outcomes.map((o, i) => (
            <li key={i}>
              <Banner kind={o.ok ? 'success' : 'error'}>{o.text}</Banner>
            </li>
          ))}
        </ul>
      )}

      {mayRoute && (
      <form className="form card" onSubmit={(e) => void routeOne(e)} aria-labelledby="ewaste-one-title">
        <h2 id="ewaste-one-title">{t('ewaste.oneTitle')}</h2>
        <div className="form-grid">
          <TagInput id="ewaste-tag" label={t('scan.assetTag')} value={tag} onChange={setTag} />
          <div className="field">
            <label htmlFor="ewaste-reason">{t('ewaste.reason')}</label>
            <select id="ewaste-reason" value={reason} onChange={(e) => setReason(memberOf(EWASTE_REASONS, e.target.value) ?? '')}>
              <EnumOptions values={EWASTE_REASONS} label={ewasteReasonKey} empty={t('ewaste.chooseReason')} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="ewaste-note">
              {t('ewaste.note')} <span className="optional">{t('common.optional')}</span>
            </label>
            <input id="ewaste-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </div>
        </div>
        <button type="submit" className="button button-primary">
          {t('ewaste.routeOne')}
        </button>
      </form>
      )}

      <section aria-labelledby="ewaste-suggestions-title">
        <h2 id="ewaste-suggestions-title">{t('ewaste.suggestionsTitle')}</h2>
        {list.data && (
          <p className="muted" data-testid="ewaste-total">
            {tPlural('ewaste.suggestionsTotal', list.data.total, { days: list.data.unclaimedDays })}
          </p>
        )}
        {list.loading && !list.data && <Loading />}
        {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
        {list.data && items.length === 0 && <EmptyState>{t('ewaste.noSuggestions')}</EmptyState>}
        {items.length > 0 && (
          <>
            {mayRoute && (
            <div className="button-row">
              <label className="checkbox-inline">
                <input
                  type="checkbox"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.device.id)))}
                />{' '}
                {t('ewaste.selectAll')}
              </label>
              <button type="button" className="button button-primary" disabled={busy || selected.size === 0} onClick={() => void routeSelected()}>
                {busy ? t('common.working') : t('ewaste.routeSelected', { count: selected.size })}
              </button>
            </div>
            )}
            <table className="data-table" data-testid="ewaste-suggestions">
              <TableHead columns={[...(mayRoute ? [{ key: 'ewaste.select', hidden: true } as const] : []), 'col.assetTag', 'col.device', 'col.category', 'ewaste.reason', 'device.updatedAt']} />
              <tbody>
                {items.map(({ device, reason: why, days }) => (
                  <tr key={device.id} data-tag={device.assetTag}>
                    {mayRoute && (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('ewaste.selectOne', { tag: device.assetTag })}
                          checked={selected.has(device.id)}
                          onChange={() => toggle(device.id)}
                        />
                      </td>
                    )}
                    <td className="mono">
                      <a href={href(devicePath(device.id))}>{device.assetTag}</a>
                    </td>
                    <td>
                      {device.manufacturer} {device.model}
                      {device.year !== undefined && <span className="muted"> ({device.year})</span>}
                    </td>
                    <td>{t(categoryKey(device.category))}</td>
                    <td>
                      {t(ewasteReasonKey(why))}
                      {days !== undefined && <span className="muted"> · {t('ewaste.days', { days })}</span>}
                    </td>
                    <td>{dateTime(device.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <EwasteQueue reloadKey={queueKey} />
    </>
  );
}
