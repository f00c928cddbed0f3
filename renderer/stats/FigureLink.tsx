/** A figure of the statistics as a link to the list of the devices behind it (#/stats/devices?…). */
import type { ReactNode } from 'react';
import { href } from '../router';
import { type FigureRef, type StatsView, viewQuery } from './stats-view';

export const STATS_DEVICES_PATH = '/stats/devices';

export function figureHref(view: StatsView, figure: FigureRef): string {
  return href(STATS_DEVICES_PATH, viewQuery(view, figure));
}

export function FigureLink({ view, figure, label, children }: { view: StatsView; figure: FigureRef; label?: string; children: ReactNode }) {
  return (
    <a
      href={figureHref(view, figure)}
      className="figure-link"
      data-testid="figure-link"
      data-figure={figure.figure}
      data-group={figure.group}
      data-weee={figure.weee}
      aria-label={label}
    >
      {children}
    </a>
  );
}
