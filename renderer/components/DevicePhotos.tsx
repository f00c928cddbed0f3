/**
 * The device page's photos: each at display size with its alt text, and for those who may change them (the
 * rule in shared/photos.ts) a remove button per photo and a picker that adds at once.
 */
import { useState } from 'react';
import { PHOTO_MAX_PER_DEVICE } from '../../shared/contract';
import { photoChangeRefusal } from '../../shared/photos';
import type { Device } from '../../shared/schemas';
import { client, errorText } from '../api/instance';
import { useI18n } from '../i18n';
import { uploadPhotos, type PhotoUpload } from '../photos';
import { useUser } from '../session-context';
import { Banner } from './Banner';
import { PhotoImage } from './PhotoImage';
import { PhotoPicker } from './PhotoPicker';
import { PhotoResult } from './PhotoResult';

export function DevicePhotos({ device, onChanged }: { device: Device; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PhotoUpload | undefined>();
  const [error, setError] = useState<unknown>();
  // A new picker after each upload, so the same files can be chosen again and the input shows nothing stale.
  const [pickerKey, setPickerKey] = useState(0);
  const photos = device.photos ?? [];
  const mayChange = photoChangeRefusal(user, device) === undefined;
  const model = `${device.manufacturer} ${device.model}`;

  async function act(run: () => Promise<PhotoUpload | undefined>) {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await run());
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setPickerKey((k) => k + 1);
    }
  }

  return (
    <section className="card device-photos" aria-labelledby="device-photos-title" data-testid="device-photos">
      <h2 id="device-photos-title">{t('photos.title')}</h2>
      {photos.length === 0 ? (
        <p className="muted">{t('photos.none')}</p>
      ) : (
        <ul className="photo-grid">
          {photos.map((p, i) => (
            <li key={p.sha256} className="photo-item">
              <PhotoImage
                deviceId={device.id}
                sha256={p.sha256}
                className="photo-display"
                alt={t('photos.alt', { model, n: i + 1, count: photos.length })}
                width={p.width}
                height={p.height}
              />
              {mayChange && (
                <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act(async () => (await client.call('devices.removePhoto', { deviceId: device.id, sha256: p.sha256 }), undefined))}>
                  {t('photos.remove', { n: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {result && <PhotoResult result={result} takeFocus />}
      {error !== undefined && (
        <Banner kind="error" takeFocus>
          {errorText(error, t('error.INTERNAL'), locale)}
        </Banner>
      )}
      {mayChange && photos.length < PHOTO_MAX_PER_DEVICE && (
        <PhotoPicker key={pickerKey} id="device-photos-add" label={t('photos.add')} disabled={busy} onChange={(files) => files.length > 0 && void act(() => uploadPhotos(device.id, files))} />
      )}
      {busy && <p role="status">{t('photos.saving')}</p>}
    </section>
  );
}
