/** One part of a stock-take report (missing, unexpected, unknown, found): its heading with the count, what it means, and its list or a line saying it is empty. */
import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';

interface StockTakePartProps {
  part: 'missing' | 'unexpected' | 'unknown' | 'found';
  title: string;
  count: number;
  hint: string;
  /** Said instead of the list when the part is empty. */
  none: string;
  children: ReactNode;
}

export function StockTakePart({ part, title, count, hint, none, children }: StockTakePartProps) {
  return (
    <section className="stocktake-part" aria-labelledby={`stocktake-${part}-title`} data-testid={`stocktake-${part}`}>
      <h3 id={`stocktake-${part}-title`}>
        {title} ({count})
      </h3>
      {count > 0 ? (
        <>
          <p className="hint">{hint}</p>
          {children}
        </>
      ) : (
        <EmptyState>{none}</EmptyState>
      )}
    </section>
  );
}
