/**
 * The statistics of the shown period and filters as files for Excel: the summary and the devices as CSV,
 * or one XLSX workbook. The desktop app asks where to save; the browser downloads. While a file is written
 * its progress shows in rows; the buttons stay focusable meanwhile (aria-disabled, not disabled), so focus
 * stays on the button pressed and the outcome is read out from the status line below.
 */
import { useState } from 'react';
import type { StatsExportFile } from '../../shared/contract';
import { ApiError } from '../api/client';
import { client } from '../api/instance';
import type { FileProgress } from '../api/transport';
import { Banner } from '../components/Banner';
import { useI18n } from '../i18n';
import { summaryInput, type StatsView } from './stats-view';
import { useStatFormat } from './use-stat-format';

const FILES = [
  ['summary_csv', 'stats.export.summaryCsv'],
  ['devices_csv', 'stats.export.devicesCsv'],
  ['xlsx', 'stats.export.xlsx'],
] as const;

type Outcome = { kind: 'success' | 'info' | 'error'; text: string };

export function StatsExport({ view }: { view: StatsView }) {
  const { t } = useI18n();
  const fmt = useStatFormat();
  const [busy, setBusy] = useState<{ label: string; progress?: FileProgress } | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  async function save(file: StatsExportFile, label: string): Promise<void> {
    if (busy) return;
    setBusy({ label });
    setOutcome(undefined);
    try {
      const saved = await client.saveFile('stats.export', { ...summaryInput(view), file }, (progress) => setBusy({ label, progress }));
      setOutcome(
        saved.saved
          ? { kind: 'success', text: t('stats.export.saved', { file: saved.fileName, rows: fmt.count(saved.rows) }) }
          : { kind: 'info', text: t('stats.export.cancelled') },
      );
    } catch (e) {
      setOutcome({ kind: 'error', text: e instanceof ApiError ? e.message : t('common.unexpectedError') });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section className="card" aria-labelledby="stats-export-title" data-testid="stats-export">
      <h2 id="stats-export-title">{t('stats.export.title')}</h2>
      <p className="muted">{t('stats.export.hint')}</p>
      <div className="button-row" role="group" aria-labelledby="stats-export-title">
        {FILES.map(([file, label]) => (
          <button key={file} type="button" className="button button-secondary" aria-disabled={busy !== undefined} onClick={() => void save(file, t(label))}>
            {t(label)}
          </button>
        ))}
      </div>
      {busy && (
        <div className="stats-export-progress" data-testid="stats-export-progress">
          <progress
            aria-label={busy.label}
            max={busy.progress?.total || 1}
            value={busy.progress ? busy.progress.done : undefined}
          />{' '}
          <span className="muted">
            {busy.progress ? t('stats.export.progress', { file: busy.label, done: fmt.count(busy.progress.done), total: fmt.count(busy.progress.total) }) : t('common.working')}
          </span>
        </div>
      )}
      {outcome && (
        <Banner kind={outcome.kind} testId="stats-export-note">
          {outcome.text}
        </Banner>
      )}
    </section>
  );
}
