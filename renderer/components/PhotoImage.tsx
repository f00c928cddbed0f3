/** One stored photo image (a thumbnail or the display size) with its alt text; a placeholder box while it loads. */
import { useT } from '../i18n';
import { usePhotoUrl } from '../use-photo-url';

interface Props {
  deviceId: string;
  sha256: string;
  alt: string;
  className: string;
  width?: number;
  height?: number;
}

export function PhotoImage({ deviceId, sha256, alt, className, width, height }: Props) {
  const t = useT();
  const { url, failed } = usePhotoUrl(deviceId, sha256);
  if (failed) return <span className={`${className} photo-missing`}>{t('photos.loadFailed')}</span>;
  if (!url) return <span className={`${className} photo-loading`} aria-hidden="true" />;
  return <img className={className} src={url} alt={alt} width={width} height={height} loading="lazy" decoding="async" />;
}
