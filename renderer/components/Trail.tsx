/** Forløb: the device's full, append-only history as a vertical timeline in sequence order. */
import type { TrailEvent } from '../../shared/schemas';
import { useT } from '../i18n';
import { EmptyState } from './EmptyState';
import { TrailItem } from './TrailItem';

export function Trail({ events }: { events: TrailEvent[] }) {
  const t = useT();
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <section className="card" aria-labelledby="trail-title">
      <h2 id="trail-title">{t('trail.title')}</h2>
      {ordered.length === 0 ? (
        <EmptyState>{t('trail.empty')}</EmptyState>
      ) : (
        <ol className="timeline" data-testid="trail">
          {ordered.map((e) => (
            <TrailItem key={e.id} event={e} />
          ))}
        </ol>
      )}
    </section>
  );
}
