/** The selected devices: how many, a way to clear the choice, and their labels to print. */
import { useI18n } from '../i18n';
import { selectionInTagOrder, type Selection } from '../label-print';
import { PrintLabels } from './PrintLabels';

export function SelectedLabels({ selected, onClear }: { selected: Selection; onClear(): void }) {
  const { t, tPlural, number } = useI18n();
  const { deviceIds, tags } = selectionInTagOrder(selected);
  return (
    <section className="card selection-labels" aria-labelledby="selection-labels-title" data-testid="selection-labels">
      <div className="selection-head">
        <h2 id="selection-labels-title">{t('labels.selectionTitle')}</h2>
        <span data-testid="selection-count">{tPlural('labels.selected', selected.size, { count: number(selected.size) })}</span>
        <button type="button" className="link-button" onClick={onClear}>
          {t('labels.clearSelection')}
        </button>
      </div>
      <PrintLabels idPrefix="selection-label" deviceIds={deviceIds} tags={tags} submitLabel={t('labels.printSelected')} labelledBy="selection-labels-title" />
    </section>
  );
}
