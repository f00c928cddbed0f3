/**
 * A finished stock-take, compared by the core (stocktake.compare): expected, found, missing, unexpected (with
 * where each is recorded) and unknown tags. "Registrér som flyttet hertil" records every unexpected device as
 * moved here, each through devices.move so each gets its own trail event, and says per device what happened.
 * The report prints (print stylesheet) and exports as CSV for Danish Excel (shared/csv.ts).
 */
import { useState } from 'react';
import type { StockTakeReport as Report } from '../../shared/contract';
import { toCsv, type CsvCell } from '../../shared/csv';
import type { Device } from '../../shared/schemas';
import { ApiError } from '../api/client';
import { client } from '../api/instance';
import { useI18n, type TFunction } from '../i18n';
import { categoryKey, statusKey } from '../labels';
import { useReference } from '../reference-context';
import { saveFile } from '../download';
import { useUser } from '../session-context';
import type { StockTakeCount } from '../stock-take-count';
import { useAsync } from '../use-async';
import { Banner } from './Banner';
import { DeviceTable } from './DeviceTable';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { StockTakePart } from './StockTakePart';

interface MoveOutcome {
  tag: string;
  ok: boolean;
  text: string;
}

/** The whole report as rows for a spreadsheet: one row per device or unknown tag, what the count found first. */
function csvRows(report: Report, t: TFunction): CsvCell[][] {
  const row = (result: string, d: Device, recordedAt: string): CsvCell[] => [
    result,
    d.assetTag,
    t(categoryKey(d.category)),
    d.manufacturer,
    d.model,
    d.serial,
    t(statusKey(d.status)),
    recordedAt,
  ];
  const here = report.location.name;
  return [
    [t('stockTake.result'), t('device.assetTag'), t('device.category'), t('device.manufacturer'), t('device.model'), t('device.serial'), t('col.status'), t('stockTake.recordedAt')],
    ...report.missing.map((d) => row(t('stockTake.result.missing'), d, here)),
    ...report.unexpected.map((u) => row(t('stockTake.result.unexpected'), u.device, u.recordedLocationName)),
    ...report.unknown.map((tag) => [t('stockTake.result.unknown'), tag]),
    ...report.found.map((d) => row(t('stockTake.result.found'), d, here)),
  ];
}

/** A file name without characters that some systems refuse ("Hylde A-02" → "Hylde-A-02"). */
const fileSafe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '-');

export function StockTakeReport({ count, onContinue, onNew }: { count: StockTakeCount; onContinue(): void; onNew(): void }) {
  const { t, tPlural, dateTime } = useI18n();
  const ref = useReference();
  const user = useUser();
  const { data, error, loading, reload } = useAsync(async () => {
    const report = await client.call('stocktake.compare', { locationId: count.locationId, tags: [...count.tags] });
    return { report, at: new Date().toISOString() };
  }, [count.locationId, count.tags]);
  const [moving, setMoving] = useState<{ done: number; total: number } | undefined>(undefined);
  const [outcomes, setOutcomes] = useState<MoveOutcome[]>([]);

  if (!data) return error !== undefined && !loading ? <LoadError error={error} onRetry={reload} /> : <Loading label={t('stockTake.comparing')} />;
  const { report, at } = data;
  const location = ref.locationName(report.location.id);

  /** One devices.move per unexpected device, one after the other; a refusal is reported and the rest go on. */
  async function moveHere(): Promise<void> {
    const devices = report.unexpected.map((u) => u.device);
    const results: MoveOutcome[] = [];
    setOutcomes([]);
    for (const [i, device] of devices.entries()) {
      setMoving({ done: i, total: devices.length });
      const tag = device.assetTag;
      try {
        await client.call('devices.move', { assetTag: tag, locationId: report.location.id });
        results.push({ tag, ok: true, text: t('stockTake.movedHere', { tag }) });
      } catch (e) {
        const reason = e instanceof ApiError ? e.message : t('common.unexpectedError');
        results.push({ tag, ok: false, text: t('stockTake.moveRefused', { tag, reason }) });
      }
    }
    setMoving(undefined);
    setOutcomes(results);
    reload();
  }

  function exportCsv(): void {
    const date = at.slice(0, 10);
    saveFile(toCsv(csvRows(report, t)), 'text/csv;charset=utf-8', t('stockTake.csvFile', { location: fileSafe(report.location.name), date }));
  }

  const counts = [
    { id: 'expected', label: t('stockTake.expected'), n: report.expected.length },
    { id: 'found', label: t('stockTake.found'), n: report.found.length },
    { id: 'missing', label: t('stockTake.missing'), n: report.missing.length },
    { id: 'unexpected', label: t('stockTake.unexpected'), n: report.unexpected.length },
    { id: 'unknown', label: t('stockTake.unknown'), n: report.unknown.length },
  ];
  const moved = outcomes.filter((o) => o.ok).length;

  return (
    <section className="stocktake-report" aria-labelledby="stocktake-report-title" data-testid="stocktake-report">
      <h2 id="stocktake-report-title">{t('stockTake.reportTitle', { location })}</h2>
      <p className="hint">
        {t('stockTake.reportMeta', { time: dateTime(at), name: user.name })} · {tPlural('stockTake.total', count.tags.length)}
      </p>
      <dl className="stocktake-summary">
        {counts.map((c) => (
          <div key={c.id} className={`stocktake-count stocktake-count-${c.id}`} data-testid={`stocktake-count-${c.id}`}>
            <dt>{c.label}</dt>
            <dd>{c.n}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('stockTake.print')}
        </button>
        <button type="button" className="button button-secondary" onClick={exportCsv}>
          {t('stockTake.exportCsv')}
        </button>
        <button type="button" className="button button-secondary" onClick={onContinue}>
          {t('stockTake.continue')}
        </button>
        <button type="button" className="button button-secondary" onClick={onNew}>
          {t('stockTake.new')}
        </button>
      </div>

      {outcomes.length > 0 && (
        <Banner kind={moved === outcomes.length ? 'success' : 'error'} testId="stocktake-moved">
          <p className="scan-result-text">{t('stockTake.movedSummary', { moved, total: outcomes.length })}</p>
          <ul className="stocktake-outcomes">
            {outcomes.map((o) => (
              <li key={o.tag} data-ok={o.ok}>
                {o.text}
              </li>
            ))}
          </ul>
        </Banner>
      )}

      <StockTakePart part="missing" title={t('stockTake.missing')} count={report.missing.length} hint={t('stockTake.missingHint')} none={t('stockTake.noneMissing')}>
        <DeviceTable devices={report.missing} showStatus />
      </StockTakePart>

      <StockTakePart
        part="unexpected"
        title={t('stockTake.unexpected')}
        count={report.unexpected.length}
        hint={t('stockTake.unexpectedHint')}
        none={t('stockTake.noneUnexpected')}
      >
        {/* The location column says where each one is recorded. */}
        <DeviceTable devices={report.unexpected.map((u) => u.device)} showStatus />
        <div className="button-row no-print">
          <button type="button" className="button button-primary" disabled={moving !== undefined} onClick={() => void moveHere()}>
            {t('stockTake.moveHere')}
          </button>
          {moving && (
            <span role="status">
              <span className="spinner" aria-hidden="true" /> {t('stockTake.movingHere', { done: moving.done + 1, total: moving.total })}
            </span>
          )}
        </div>
        <p className="hint no-print">{t('stockTake.moveHereHint', { location })}</p>
      </StockTakePart>

      <StockTakePart part="unknown" title={t('stockTake.unknown')} count={report.unknown.length} hint={t('stockTake.unknownHint')} none={t('stockTake.noneUnknown')}>
        <ul className="stocktake-unknown-tags">
          {report.unknown.map((tag) => (
            <li key={tag} className="mono" data-asset-tag={tag}>
              {tag}
            </li>
          ))}
        </ul>
      </StockTakePart>

      <StockTakePart part="found" title={t('stockTake.found')} count={report.found.length} hint={t('stockTake.foundHint')} none={t('stockTake.noneFound')}>
        <DeviceTable devices={report.found} showStatus />
      </StockTakePart>
    </section>
  );
}
