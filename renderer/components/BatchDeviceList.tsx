/** A short list of a batch's devices by asset tag and serial, each linking to its device page (the unwiped, the missing). */
import type { BatchDetail } from '../../shared/contract';
import { useT } from '../i18n';
import { devicePath, href } from '../router';

export function BatchDeviceList({ devices, testId }: { devices: BatchDetail['missing']; testId: string }) {
  const t = useT();
  return (
    <ul className="tag-list" data-testid={testId}>
      {devices.map((d) => (
        <li key={d.deviceId} data-tag={d.assetTag}>
          <a className="mono" href={href(devicePath(d.deviceId))}>
            {t('recon.device', { tag: d.assetTag, serial: d.serial })}
          </a>
        </li>
      ))}
    </ul>
  );
}
