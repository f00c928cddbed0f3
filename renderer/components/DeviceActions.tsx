/**
 * The device page's buttons: the actions the core says this person may start (detail.actions) that have a UI.
 * Guards (e.g. "sanitized if data-bearing") are left to the core, whose refusal is shown next to the buttons.
 */
import { useMemo, useState } from 'react';
import type { DeviceDetail } from '../../shared/contract';
import type { Device } from '../../shared/schemas';
import { decide, waitsForSanitization } from '../../shared/lifecycle';
import { client, errorText } from '../api/instance';
import { useI18n } from '../i18n';
import { actionKey, UI_ACTIONS, type UiAction } from '../labels';
import { href } from '../router';
import { pathOf } from '../screens';
import { useReference } from '../reference-context';
import { useUser } from '../session-context';
import { readStored, STORAGE_KEYS, writeStored } from '../storage';
import { Banner } from './Banner';
import { RejectReservationForm } from './RejectReservationForm';
import { ReportAgainForm } from './ReportAgainForm';
import { SanitizationForm } from './SanitizationForm';
import { UnpublishForm } from './UnpublishForm';

interface Props {
  detail: DeviceDetail;
  onChanged(): void;
}

export function DeviceActions({ detail, onChanged }: Props) {
  const { t, dateTime, locale } = useI18n();
  const user = useUser();
  const { device, reservation } = detail;
  const [busy, setBusy] = useState<UiAction | undefined>();
  // The failure itself, not its text: put in words at render time, so it follows a language switch.
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | undefined>();
  const [sanitizing, setSanitizing] = useState(false);
  const [reportingAgain, setReportingAgain] = useState(false);
  const [unpublishing, setUnpublishing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [deciding, setDeciding] = useState(false);
  /** "Ledig fra" for a listing: empty lists it reservable at once. */
  const [availableFrom, setAvailableFrom] = useState('');
  // A reservation names the site of the person's administration the device goes to (its location after hand-over).
  const ref = useReference();
  const sites = useMemo(
    () => ref.locations.filter((l) => l.kind === 'site' && l.departmentId === user.departmentId),
    [ref.locations, user.departmentId],
  );
  const [siteId, setSiteIdState] = useState(() => {
    const last = readStored('local', STORAGE_KEYS.lastReceivingSite);
    return sites.find((s) => s.id === last)?.id ?? sites[0]?.id ?? '';
  });
  const setSiteId = (id: string) => {
    setSiteIdState(id);
    writeStored('local', STORAGE_KEYS.lastReceivingSite, id || undefined);
  };

  const shown = UI_ACTIONS.filter((a) => {
    if (!detail.actions.includes(a)) return false;
    if (a !== 'cancelReservation') return true;
    if (!reservation) return false;
    // Ask the lifecycle table whether this is someone else's reservation (a contact may only cancel their own).
    const d = decide('cancelReservation', {
      device,
      actorRole: user.role,
      actorDepartmentId: user.departmentId,
      reservationDepartmentId: reservation.departmentId,
    });
    return d.ok || d.code !== 'NOT_OWN_DEPARTMENT';
  });
  // An action the lifecycle holds until a wipe is recorded (listing an unwiped laptop) stays visible, so the person
  // sees where the device is heading, but as a secondary button after the wipe, which becomes the primary one.
  const facts = { device, sanitization: detail.sanitization, actorRole: user.role, actorDepartmentId: user.departmentId };
  const waiting = new Set(shown.filter((a) => waitsForSanitization(a, facts)));
  const wipeFirst = waiting.size > 0 && shown.includes('recordSanitization');
  // An approver (or an admin) decides a request waiting for approval here too, not only in Mine reservationer.
  const approval =
    reservation &&
    decide('approveReservation', {
      device,
      actorRole: user.role,
      actorDepartmentId: user.departmentId,
      reservationDepartmentId: reservation.departmentId,
      actorIsApprover: user.approver === true,
    }).ok
      ? reservation
      : undefined;
  const visible = wipeFirst ? ['recordSanitization' as const, ...shown.filter((a) => a !== 'recordSanitization')] : shown;

  async function run(action: UiAction) {
    setBusy(action);
    setError(undefined);
    setDone(undefined);
    try {
      const tag = device.assetTag;
      if (action === 'publish') {
        await client.call('devices.publish', { deviceId: device.id, ...(availableFrom ? { availableFrom } : {}) });
        setAvailableFrom('');
        setDone(t('done.publish', { tag }));
      } else if (action === 'reserve') {
        const r = await client.call('reservations.create', { deviceId: device.id, locationId: siteId });
        // A reservation in an administration that requires approval waits for its approver.
        setDone(t(r.status === 'pending' ? 'done.requestReservation' : 'done.reserve', { tag, date: dateTime(r.expiresAt) }));
      } else if (action === 'cancelReservation' && reservation) {
        await client.call('reservations.cancel', { reservationId: reservation.id });
        setDone(t('done.cancelReservation', { tag }));
      }
      // The device has moved on: a wipe form left open (with its errors) belongs to the step before.
      setSanitizing(false);
      onChanged();
    } catch (e) {
      setError(e ?? new Error('unknown'));
      onChanged(); // why: a refusal often means someone else acted first; show the device as it is now
    } finally {
      setBusy(undefined);
    }
  }

  const sanitizationDone = () => {
    setSanitizing(false);
    setError(undefined);
    setDone(t('done.recordSanitization', { tag: device.assetTag }));
    onChanged();
  };

  const unpublished = (d: Device) => {
    setUnpublishing(false);
    setError(undefined);
    setDone(t('done.unpublish', { tag: d.assetTag }));
    onChanged();
  };

  async function approve() {
    if (!approval) return;
    setDeciding(true);
    setError(undefined);
    setDone(undefined);
    try {
      await client.call('reservations.approve', { reservationId: approval.id });
      setDone(t('reservations.approved', { tag: device.assetTag }));
    } catch (e) {
      setError(e ?? new Error('unknown'));
    } finally {
      setDeciding(false);
      onChanged(); // why: approved or refused because someone decided first, the page shows the device as it is now
    }
  }

  const rejected = () => {
    setRejecting(false);
    setError(undefined);
    setDone(t('reservations.rejected', { tag: device.assetTag }));
    onChanged();
  };

  const reportedAgain = (d: Device) => {
    setReportingAgain(false);
    setError(undefined);
    setDone(t('done.reportAgain', { tag: d.assetTag, location: ref.locationName(d.locationId) }));
    onChanged();
  };

  return (
    <section className="actions-panel" aria-labelledby="actions-title">
      <h2 id="actions-title" className="visually-hidden">
        {t('actions.title')}
      </h2>
      {approval && (
        <div className="button-row" data-testid="approval-actions">
          <button type="button" className="button button-primary" disabled={deciding} onClick={() => void approve()}>
            {deciding ? t('common.working') : t('reservations.approve')}
          </button>
          <button type="button" className="button button-secondary" aria-expanded={rejecting} onClick={() => setRejecting((s) => !s)}>
            {t('reservations.reject')}
          </button>
        </div>
      )}
      {visible.length === 0 ? (
        !approval && <p className="muted">{t('actions.none')}</p>
      ) : (
        <div className="button-row">
          {visible.map((a) => {
            if (a === 'checkIn' || a === 'handOver')
              return (
                <a key={a} className={`button ${waiting.has(a) ? 'button-secondary' : 'button-primary'}`} href={href(pathOf(a), { tag: device.assetTag })}>
                  {t(actionKey(a))}
                </a>
              );
            if (a === 'reportAgain')
              return (
                <button key={a} type="button" className="button button-primary" aria-expanded={reportingAgain} onClick={() => setReportingAgain((s) => !s)}>
                  {t(actionKey(a))}
                </button>
              );
            if (a === 'unpublish')
              return (
                <button key={a} type="button" className="button button-secondary" aria-expanded={unpublishing} onClick={() => setUnpublishing((s) => !s)}>
                  {t(actionKey(a))}
                </button>
              );
            if (a === 'recordSanitization')
              return (
                <button
                  key={a}
                  type="button"
                  className={`button ${wipeFirst ? 'button-primary' : 'button-secondary'}`}
                  aria-expanded={sanitizing} onClick={() => setSanitizing((s) => !s)}>
                  {t(actionKey(a))}
                </button>
              );
            const secondary = a === 'cancelReservation' || waiting.has(a);
            const reserveSite = a === 'reserve' && (
              <label key="site" className="inline-field">
                {t('reserve.site')}{' '}
                <select id="reserve-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
                  {sites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
            );
            const publishFrom = a === 'publish' && (
              <label key="available-from" className="inline-field" title={t('availability.fromHint')}>
                {t('availability.fromField')} <span className="optional">{t('common.optional')}</span>{' '}
                <input
                  id="publish-available-from"
                  type="date"
                  min={new Date().toLocaleDateString('sv-SE')}
                  value={availableFrom}
                  onChange={(e) => setAvailableFrom(e.target.value)}
                />
              </label>
            );
            return [
              reserveSite,
              publishFrom,
              <button
                key={a}
                type="button"
                className={`button ${secondary ? 'button-secondary' : 'button-primary'}`}
                disabled={busy !== undefined}
                onClick={() => void run(a)}
              >
                {busy === a ? t('common.working') : t(actionKey(a))}
              </button>,
            ];
          })}
        </div>
      )}
      {wipeFirst && (
        <p className="muted" data-testid="actions-wipe-first">
          {t('actions.wipeFirst', { actions: [...waiting].map((a) => t(actionKey(a))).join(', ') })}
        </p>
      )}
      {error !== undefined && (
        <Banner kind="error" testId="action-error" takeFocus>
          {errorText(error, t('common.unexpectedError'), locale)}
        </Banner>
      )}
      {done && (
        // why: keyed by its text, so a second result in a row is a new banner that takes the focus again
        <Banner key={done} kind="success" testId="action-done" takeFocus>
          {done}
        </Banner>
      )}
      {rejecting && approval && (
        <RejectReservationForm reservation={approval} assetTag={device.assetTag} onDone={rejected} onCancel={() => setRejecting(false)} />
      )}
      {unpublishing && <UnpublishForm device={device} onDone={unpublished} onCancel={() => setUnpublishing(false)} />}
      {reportingAgain && <ReportAgainForm device={device} onDone={reportedAgain} onCancel={() => setReportingAgain(false)} />}
      {sanitizing && <SanitizationForm device={device} onDone={sanitizationDone} onCancel={() => setSanitizing(false)} />}
    </section>
  );
}
