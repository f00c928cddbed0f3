/**
 * A chart with its table beside it. The table is the accessible version (a real <table> with a caption, every
 * figure a link); the drawing says nothing more, so screen readers skip it. The charts are drawn without
 * recharts' keyboard layer (accessibilityLayer={false}): a focusable drawing inside aria-hidden would take
 * keyboard users to something their screen reader cannot announce.
 */
import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

export function ChartWithTable({ chart, children }: { chart: ReactElement; children: ReactNode }) {
  return (
    <div className="chart-with-table">
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={300}>
          {chart}
        </ResponsiveContainer>
      </div>
      <div className="table-wrap">{children}</div>
    </div>
  );
}
