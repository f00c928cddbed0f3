/** Alle enheder: every device in any state, for the warehouse, the sustainability team and admins. */
import { DeviceSearch } from '../components/DeviceSearch';
import { useT } from '../i18n';

export function AllDevices() {
  const t = useT();
  return (
    <>
      <h1>{t('allDevices.title')}</h1>
      <p className="lead">{t('allDevices.intro')}</p>
      <DeviceSearch mode="all" emptyText={t('allDevices.empty')} />
    </>
  );
}
