/**
 * Emissionsfaktorer: the table CO2e avoided is computed with (kg CO2e to make one new device per category), which
 * version is in force, where its figures come from and Boavizta's credit and licence. Older versions can be
 * viewed; administrators edit the table, which makes a new version.
 */
import { useState } from 'react';
import type { FactorVersion } from '../../shared/schemas';
import { client } from '../api/instance';
import { Banner } from '../components/Banner';
import { FactorForm } from '../components/FactorForm';
import { FactorTable } from '../components/FactorTable';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { focusField } from '../form-errors';
import { useI18n } from '../i18n';
import { mayCall } from '../may-call';
import { useRoute } from '../router';
import { useUser } from '../session-context';
import { useAsync } from '../use-async';

export function Factors() {
  const { t, dateTime } = useI18n();
  const mayEdit = mayCall(useUser().role, 'stats.factors.save');
  /** The version asked for; undefined: the current one. */
  // A link from the statistics names the version a figure used (#/factors?version=2).
  const linked = Number(useRoute().query.get('version'));
  const [asked, setAsked] = useState<number | undefined>(Number.isInteger(linked) && linked >= 1 ? linked : undefined);
  const view = useAsync(() => client.call('stats.factors.get', asked === undefined ? {} : { version: asked }), [asked]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | undefined>();

  function edit() {
    setSaved(undefined);
    setEditing(true);
    window.setTimeout(() => focusField('factor-form-title'), 0);
  }

  function done(version: FactorVersion) {
    setEditing(false);
    setSaved(version.number);
    setAsked(undefined);
    view.reload();
  }

  const data = view.data;
  return (
    <>
      <h1>{t('factors.title')}</h1>
      <p className="lead">{t('factors.intro')}</p>
      {saved !== undefined && (
        <Banner kind="success" testId="factors-saved">
          {t('factors.saved', { n: saved })}
        </Banner>
      )}
      {view.loading && !data && <Loading />}
      {view.error !== undefined && <LoadError error={view.error} onRetry={view.reload} />}
      {data && (
        <>
          {/* Opened only from the current version, whose values it starts from; it keeps them if another version is viewed meanwhile. */}
          {editing && <FactorForm from={data.version} next={data.current + 1} onSaved={done} onCancel={() => setEditing(false)} />}
          <section className="card" aria-labelledby="factor-version-title">
            <div className="field">
              <label htmlFor="factor-version">{t('factors.versionPicker')}</label>
              <select id="factor-version" value={data.version.number} onChange={(e) => setAsked(Number(e.target.value))}>
                {[...data.versions].reverse().map((v) => (
                  <option key={v.number} value={v.number}>
                    {t(v.number === data.current ? 'factors.versionOptionCurrent' : 'factors.versionOption', { n: v.number, date: dateTime(v.createdAt), name: v.createdBy.name })}
                  </option>
                ))}
              </select>
            </div>
            <h2 id="factor-version-title" data-testid="factor-version">
              {t('factors.versionHeading', { n: data.version.number })}
            </h2>
            <p className="muted">
              {data.version.number === data.current ? t('factors.isCurrent') : t('factors.isOlder', { current: data.current })}{' '}
              {t('factors.createdBy', { date: dateTime(data.version.createdAt), name: data.version.createdBy.name })}
            </p>
            <FactorTable factors={data.version.factors} />
            <h3>{t('factors.source')}</h3>
            <p className="notes" data-testid="factor-source">
              {data.version.source}
            </p>
          </section>
          {mayEdit && !editing && data.version.number === data.current && (
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={edit}>
                {t('factors.edit')}
              </button>
            </div>
          )}
        </>
      )}
      <section className="card" aria-labelledby="factor-credit-title" data-testid="factor-credit">
        <h2 id="factor-credit-title">{t('factors.creditTitle')}</h2>
        <p>{t('factors.credit')}</p>
        <p className="muted">{t('factors.caveat')}</p>
      </section>
    </>
  );
}
