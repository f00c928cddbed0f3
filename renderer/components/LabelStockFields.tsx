/** The label stock picker (each stock described), the start position on a sheet, and the print-at-100 % note. */
import { labelsPerPage } from '../../shared/labels/stocks';
import { useI18n } from '../i18n';
import type { LabelPrint } from '../use-label-print';
import { Field } from './Field';
import { StockOptions } from './StockOptions';

export function LabelStockFields({ print }: { print: LabelPrint }) {
  const { t, number } = useI18n();
  const { form, stock, chooseStock } = print;
  return (
    <>
      <div className="form-grid label-stock-fields">
        <Field {...form.field('stock')} className="field-wide">
          <select {...form.control('stock')} onChange={(e) => chooseStock(e.target.value)}>
            <StockOptions />
          </select>
        </Field>
        {/* A label printer's roll has one label per page, so only a sheet has a start position. */}
        {stock?.kind === 'sheet' && (
          <Field {...form.field('start', t('labels.startHint', { max: number(labelsPerPage(stock)) }))}>
            <input {...form.control('start', { hint: true })} type="text" inputMode="numeric" autoComplete="off" className="input-short" />
          </Field>
        )}
      </div>
      <p className="print-scale-note">{t('labels.printAtActualSize')}</p>
    </>
  );
}
