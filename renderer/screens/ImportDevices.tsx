/**
 * Importér enheder (issue 12): choose a register file → the mapping step → the dry run → Importér with a
 * progress bar and Annullér → the result with a link to the devices. Each step moves the focus to its heading
 * (or the outcome), so the next action is where a keyboard user is.
 */
import { useEffect, useRef, useState } from 'react';
import type { ImportJob, ProcedureOutput } from '../../shared/contract';
import { IMPORT_MAX_BYTES, type ImportMapping } from '../../shared/import';
import { ApiError } from '../api/client';
import { client } from '../api/instance';
import { Banner } from '../components/Banner';
import { ImportDryRunTable } from '../components/ImportDryRunTable';
import { ImportMappingForm } from '../components/ImportMappingForm';
import { focusField } from '../form-errors';
import { useI18n } from '../i18n';
import { base64Of } from '../photos';
import { href } from '../router';
import { pathOf } from '../screens';

type Analysis = ProcedureOutput<'import.analyze'>;
type DryRun = ProcedureOutput<'import.dryRun'>;

const PAGE = 100;
const POLL_MS = 300;
const MB = 1024 * 1024;

export function ImportDevices() {
  const { t, number } = useI18n();
  const [analysis, setAnalysis] = useState<Analysis | undefined>();
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [dry, setDry] = useState<DryRun | undefined>();
  const [offset, setOffset] = useState(0);
  const [onlyRefused, setOnlyRefused] = useState(false);
  const [job, setJob] = useState<ImportJob | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  // The next step's element to focus once it is rendered (a call's answer arrives outside any event handler).
  const [focusTo, setFocusTo] = useState<string | undefined>();
  useEffect(() => {
    if (focusTo === undefined) return;
    focusField(focusTo);
    setFocusTo(undefined);
  }, [focusTo]);

  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : t('common.unexpectedError'));

  async function choose(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    setAnalysis(undefined);
    setDry(undefined);
    setJob(undefined);
    setBusy(true);
    try {
      const out = await client.call('import.analyze', { fileName: file.name, dataBase64: await base64Of(file) });
      setAnalysis(out);
      setMapping(out.guess);
      setFocusTo('import-mapping-title');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function runDry(nextOffset: number, refusedOnly: boolean, focus: boolean) {
    if (!analysis) return;
    setError(undefined);
    setBusy(true);
    try {
      const out = await client.call('import.dryRun', {
        sha256: analysis.sha256,
        fileName: analysis.fileName,
        mapping,
        offset: nextOffset,
        limit: PAGE,
        onlyRefused: refusedOnly,
        // The button asks anew (the store may have changed since); paging and the filter read the same run.
        fresh: focus,
      });
      setDry(out);
      setOffset(nextOffset);
      setOnlyRefused(refusedOnly);
      if (focus) setFocusTo('import-dry-title');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    if (!analysis) return;
    setError(undefined);
    try {
      setJob(await client.call('import.start', { sha256: analysis.sha256, fileName: analysis.fileName, mapping }));
      setFocusTo('import-cancel');
    } catch (e) {
      fail(e);
    }
  }

  // Polls a running job until it stops.
  const jobId = job?.state === 'running' ? job.jobId : undefined;
  useEffect(() => {
    if (!jobId) return;
    const timer = window.setInterval(() => {
      client.call('import.progress', { jobId }).then(setJob, fail);
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [jobId]);

  function again() {
    setAnalysis(undefined);
    setDry(undefined);
    setJob(undefined);
    if (fileInput.current) fileInput.current.value = '';
    window.setTimeout(() => fileInput.current?.focus(), 0);
  }

  const running = job?.state === 'running';
  return (
    <>
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.intro')}</p>
      <section className="card">
        <div className="field">
          <label htmlFor="import-file">{t('import.file', { maxMb: IMPORT_MAX_BYTES / MB })}</label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy || running}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </div>
        {busy && !analysis && <p className="muted">{t('import.reading')}</p>}
        {analysis && (
          <p data-testid="import-file-summary">
            {t('import.fileSummary', { fileName: analysis.fileName, rows: number(analysis.rowCount), columns: analysis.headers.length, format: analysis.format.toUpperCase() })}
          </p>
        )}
      </section>
      {error && (
        <Banner kind="error" testId="import-error" takeFocus>
          {error}
        </Banner>
      )}
      {analysis && !job && (
        <ImportMappingForm
          key={analysis.sha256}
          analysis={analysis}
          mapping={mapping}
          busy={busy}
          onChange={(m) => {
            setMapping(m);
            setDry(undefined);
          }}
          onDryRun={() => void runDry(0, false, true)}
        />
      )}
      {analysis && dry && !job && (
        <section className="card" aria-labelledby="import-dry-title" data-testid="import-dry-run">
          <h2 id="import-dry-title" tabIndex={-1}>
            {t('import.dryRunTitle')}
          </h2>
          <ImportDryRunTable
            result={dry}
            offset={offset}
            limit={PAGE}
            onlyRefused={onlyRefused}
            onPage={(o) => void runDry(o, onlyRefused, false)}
            onOnlyRefused={(only) => {
              // The box shows the choice at once; the rows follow when the page arrives.
              setOnlyRefused(only);
              void runDry(0, only, false);
            }}
          />
          <div className="button-row">
            <button type="button" className="button button-primary" aria-disabled={busy} onClick={() => !busy && void start()}>
              {t('import.start')}
            </button>
          </div>
        </section>
      )}
      {job && (
        <section className="card" aria-labelledby="import-job-title" data-testid="import-job">
          <h2 id="import-job-title">{t('import.progressLabel')}</h2>
          <div className="stats-export-progress">
            <progress aria-label={t('import.progressLabel')} max={job.total || 1} value={job.done} />{' '}
            <span className="muted" data-testid="import-progress">
              {t('import.progress', { done: job.done, total: job.total })}
            </span>
          </div>
          {running && (
            <div className="button-row">
              <button id="import-cancel" type="button" className="button button-secondary" onClick={() => void client.call('import.cancel', { jobId: job.jobId }).then(setJob, fail)}>
                {t('import.cancel')}
              </button>
            </div>
          )}
          {job.state === 'done' && (
            <Banner kind="success" testId="import-result" takeFocus>
              {t('import.result', { ...job.counts })}
            </Banner>
          )}
          {job.state === 'cancelled' && (
            <Banner kind="info" testId="import-result" takeFocus>
              {t('import.cancelled', { done: job.done, total: job.total })}
            </Banner>
          )}
          {job.state === 'failed' && (
            <Banner kind="error" testId="import-result" takeFocus>
              {t('import.failed', { done: job.done, total: job.total, message: job.message ?? '' })}
            </Banner>
          )}
          {!running && (
            <div className="button-row">
              <a className="button button-secondary" href={href(pathOf('allDevices'))} data-testid="import-see-devices">
                {t('import.seeDevices')}
              </a>
              <button type="button" className="button button-secondary" onClick={again}>
                {t('import.another')}
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}
