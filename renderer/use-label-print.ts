/**
 * Printing labels, wherever a screen offers it: the stock and start-position form over labels.pdf (the one
 * form hook), the start position checked against the chosen stock before anything is asked of the core,
 * the last choice remembered, and the PDF handed to the person as a download.
 */
import { useState } from 'react';
import type { StockId } from '../shared/labels/stocks';
import { base64ToBytes, labelFileName, saveFile } from './download';
import type { FormFields } from './form-model';
import { useI18n } from './i18n';
import { useReference } from './reference-context';
import { rememberedSettings, startOutOfRange, stockOf } from './label-print';
import { readStored, STORAGE_KEYS, writeStored } from './storage';
import { useContractForm } from './use-contract-form';

/** The form's fields, by their path in labels.pdf's input (the tags or device ids come from the screen). */
export const LABEL_PRINT_FIELDS = {
  stock: { label: 'labels.stockLabel' },
  start: { label: 'labels.start', parse: 'integer' },
} as const satisfies FormFields<'labels.pdf'>;

/** What to print: tags (a pre-printed batch) or devices, with their tags to name the file. */
export type LabelSource = { tags: readonly string[] } | { deviceIds: readonly string[]; tags: readonly string[] };

export interface Printed {
  file: string;
  pages: number;
  labels: number;
}

export function useLabelPrint(idPrefix: string) {
  const { t, number } = useI18n();
  const { settings } = useReference();
  const form = useContractForm('labels.pdf', {
    idPrefix,
    fields: LABEL_PRINT_FIELDS,
    initial: rememberedSettings(readStored('local', STORAGE_KEYS.labelStock), readStored('local', STORAGE_KEYS.labelStart), settings.labelStock),
    rules: (v) => {
      const bad = startOutOfRange(v.stock, v.start);
      return bad ? { start: t('error.LABEL_START_OUT_OF_RANGE', { start: number(bad.start), stock: bad.stock, max: number(bad.max) }) } : {};
    },
  });
  const [printed, setPrinted] = useState<Printed | undefined>();
  const stock = stockOf(form.values.stock);

  /** Fetch the labels' PDF and download it; errors stay on the form. */
  async function print(source: LabelSource): Promise<void> {
    setPrinted(undefined);
    const { stock: stockId, start } = form.values;
    const input = 'deviceIds' in source ? { deviceIds: [...source.deviceIds] } : { tags: [...source.tags] };
    await form.submit((out) => {
      const file = labelFileName(source.tags, stockId as StockId); // why: the form's schema accepted it as a stock id
      saveFile(base64ToBytes(out.pdfBase64), 'application/pdf', file);
      writeStored('local', STORAGE_KEYS.labelStock, stockId);
      writeStored('local', STORAGE_KEYS.labelStart, start);
      setPrinted({ file, pages: out.pages, labels: out.labels });
    }, input);
  }

  /** Choose a stock; a single-label stock has one position, so the start goes back to 1. */
  function chooseStock(value: string): void {
    form.set('stock', value);
    if (stockOf(value)?.kind === 'single') form.set('start', '1');
  }

  return { form, stock, print, printed, chooseStock };
}

export type LabelPrint = ReturnType<typeof useLabelPrint>;
