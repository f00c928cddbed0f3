/** Choosing photos (a camera or files): JPEG, PNG or WebP, with the limits said beside it; the core checks the content. */
import { PHOTO_MAX_BYTES, PHOTO_MAX_PER_DEVICE, PHOTO_MAX_PIXELS } from '../../shared/contract';
import { useT } from '../i18n';

interface Props {
  id: string;
  label: string;
  onChange(files: File[]): void;
  disabled?: boolean;
}

export function PhotoPicker({ id, label, onChange, disabled }: Props) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint">
        {t('photos.hint', { maxMb: PHOTO_MAX_BYTES / 1024 / 1024, maxMegapixels: PHOTO_MAX_PIXELS / 1e6, max: PHOTO_MAX_PER_DEVICE })}
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp"
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onChange={(e) => onChange([...(e.target.files ?? [])])}
        data-testid="photo-input"
      />
    </div>
  );
}
