/** The note after a label PDF was handed over: its file name and pages, and to print it at 100 %. */
import { useI18n } from '../i18n';
import type { Printed } from '../use-label-print';
import { Banner } from './Banner';

export function PrintedNote({ printed }: { printed: Printed | undefined }) {
  const { t, tPlural, number } = useI18n();
  if (!printed) return null;
  return (
    <Banner kind="success" testId="labels-downloaded">
      {t('labels.downloaded', { file: printed.file, pages: tPlural('labels.pages', printed.pages, { count: number(printed.pages) }) })}
    </Banner>
  );
}
