/** Genbrugsbørs: the devices on the reuse marketplace. */
import { DeviceSearch } from '../components/DeviceSearch';
import { useT } from '../i18n';

export function Marketplace() {
  const t = useT();
  return (
    <>
      <h1>{t('marketplace.title')}</h1>
      <p className="lead">{t('marketplace.intro')}</p>
      <DeviceSearch mode="marketplace" emptyText={t('marketplace.empty')} />
    </>
  );
}
