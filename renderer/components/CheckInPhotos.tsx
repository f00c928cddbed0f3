/**
 * At check-in, photos of the device just scanned in: the warehouse photographs it on the bench before shelving it.
 * Keyed by the scan, so the next device starts with an empty picker and no old result.
 */
import { useState } from 'react';
import { useT } from '../i18n';
import { uploadPhotos, type PhotoUpload } from '../photos';
import { PhotoPicker } from './PhotoPicker';
import { PhotoResult } from './PhotoResult';

export function CheckInPhotos({ deviceId, assetTag }: { deviceId: string; assetTag: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PhotoUpload | undefined>();
  async function add(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    setResult(undefined);
    try {
      setResult(await uploadPhotos(deviceId, files));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="subform" data-testid="checkin-photos">
      <PhotoPicker id="checkin-photos" label={t('photos.addFor', { tag: assetTag })} disabled={busy} onChange={(files) => void add(files)} />
      {busy && <p role="status">{t('photos.saving')}</p>}
      {result && <PhotoResult result={result} takeFocus />}
    </div>
  );
}
