/** Genbrugsbørs: the devices on the reuse marketplace. */
import { MarketplaceSearch } from '../components/MarketplaceSearch';
import { useT } from '../i18n';

export function Marketplace() {
  const t = useT();
  return (
    <>
      <h1>{t('marketplace.title')}</h1>
      <p className="lead">{t('marketplace.intro')}</p>
      <MarketplaceSearch emptyText={t('marketplace.empty')} />
    </>
  );
}
