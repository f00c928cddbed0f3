/** Genbrugsbørs: the devices on the reuse marketplace. */
import { MarketplaceSearch } from '../components/MarketplaceSearch';
import { useT } from '../i18n';
import { mayCall } from '../may-call';
import { href, useRoute } from '../router';
import { useUser } from '../session-context';

export function Marketplace() {
  const t = useT();
  const user = useUser();
  const { query } = useRoute();
  return (
    <>
      <h1>{t('marketplace.title')}</h1>
      <p className="lead">{t('marketplace.intro')}</p>
      {mayCall(user.role, 'wanted.create') && (
        // The marketplace's filters travel in the URL; the wanted request form starts from the same ones.
        <p>
          <a href={href('/wanted', Object.fromEntries(query))}>{t('wanted.fromMarketplace')}</a>
        </p>
      )}
      <MarketplaceSearch emptyText={t('marketplace.empty')} />
    </>
  );
}
