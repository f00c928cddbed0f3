/**
 * One device on the marketplace as a contact decides on it: model, category, RAM/storage/screen, year, grade,
 * administration and when it can be reserved. One fixed height, so the virtualised list needs no measuring.
 */
import { memo } from 'react';
import type { Device } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { categoryKey, conditionKey, specsSummary } from '../labels';
import { useReference } from '../reference-context';
import { devicePath, href, navigate } from '../router';
import { availabilityText } from './Availability';
import { PhotoImage } from './PhotoImage';

/** The height of a card and its row, in CSS pixels (styles.css sizes the card to it). */
export const MARKET_CARD_HEIGHT = 112;

// Memoised: a device object stays the same while its page of results does, so a keystroke re-renders no card.
export const MarketCard = memo(function MarketCard({ device: d }: { device: Device }) {
  const { t, number, day } = useI18n();
  const ref = useReference();
  return (
    <article className="market-card clickable" data-testid="device-row" data-asset-tag={d.assetTag} onClick={() => navigate(devicePath(d.id))}>
      {/* A fixed-size place for the device's first photo; the model beside it names the device. */}
      <div className="market-card-photo" data-testid="card-photo">
        {d.photos?.[0] && <PhotoImage deviceId={d.id} sha256={d.photos[0].thumbSha256} className="market-card-img" alt={t('photos.thumbAlt', { model: `${d.manufacturer} ${d.model}` })} />}
      </div>
      <div className="market-card-main">
        <h2 className="market-card-title">
          <span className="device-model">{d.model}</span> <span className="device-manufacturer">{d.manufacturer}</span>
        </h2>
        <p className="market-card-specs">
          {t(categoryKey(d.category))}
          {d.year !== undefined && ` · ${d.year}`}
          {' · '}
          {specsSummary(d.specs, t, (n) => number(n)) || t('common.none')}
        </p>
        <p className="market-card-meta">
          {d.condition ? <span className={`grade grade-${d.condition}`}>{t(conditionKey(d.condition))}</span> : null}{' '}
          <abbr title={ref.departmentName(d.departmentId)}>{ref.departmentCode(d.departmentId)}</abbr>
          {' · '}
          {availabilityText(d, t, day) ?? t('market.availableNow')}
        </p>
      </div>
      <a className="market-card-tag mono" href={href(devicePath(d.id))} onClick={(e) => e.stopPropagation()}>
        {d.assetTag}
      </a>
    </article>
  );
});
