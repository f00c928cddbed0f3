/**
 * Print the QR labels of existing devices (the device page, a selection of search results): the stock and
 * start position, and a button that downloads the PDF.
 */
import { useI18n } from '../i18n';
import { useLabelPrint } from '../use-label-print';
import { ErrorSummary } from './ErrorSummary';
import { LabelStockFields } from './LabelStockFields';
import { PrintedNote } from './PrintedNote';

interface Props {
  /** Prefix of the controls' ids; unique on the page. */
  idPrefix: string;
  deviceIds: readonly string[];
  /** The devices' asset tags, in the same order (they name the file). */
  tags: readonly string[];
  submitLabel: string;
  /** The id of the heading that names the form. */
  labelledBy: string;
}

export function PrintLabels({ idPrefix, deviceIds, tags, submitLabel, labelledBy }: Props) {
  const { t } = useI18n();
  const print = useLabelPrint(idPrefix);
  const { form } = print;
  return (
    <form
      className="form label-print"
      noValidate
      aria-labelledby={labelledBy}
      onSubmit={(e) => {
        e.preventDefault();
        void print.print({ deviceIds, tags });
      }}
    >
      {form.summary && <ErrorSummary {...form.summary} />}
      <LabelStockFields print={print} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? t('common.working') : submitLabel}
        </button>
      </div>
      <PrintedNote printed={print.printed} />
    </form>
  );
}
