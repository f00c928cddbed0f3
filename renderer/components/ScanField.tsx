/** The asset tag field of a scan station: autofocused, no autocorrect, Enter (or a scanner's Tab) ends a scan. */
import { fieldA11y } from '../form-errors';
import { useT } from '../i18n';
import { useTagExample } from '../scanning/scanned-tag';
import type { ScanStation } from '../use-scan-station';
import { Field } from './Field';

export function ScanField({ id, station }: { id: string; station: ScanStation }) {
  const t = useT();
  const example = useTagExample();
  const error = station.fieldErrors.assetTag;
  return (
    <Field id={id} label={t('scan.assetTag')} hint={t('scan.assetTagHint')} error={error} className="scan-field">
      <input
        {...fieldA11y(id, { hint: true, error })}
        ref={station.inputRef}
        type="text"
        className="scan-input mono"
        data-testid="scan-tag"
        value={station.tag}
        onChange={(e) => station.setTag(e.target.value)}
        onKeyDown={station.onFieldKeyDown}
        autoFocus
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder={example}
        aria-required
      />
    </Field>
  );
}
