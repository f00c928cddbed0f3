/** Sustainability statistics (stats.summary, stats.devices); the method is in summary.ts and the README. */
import type { HandlerPart } from '../api/handler-table';
import type { FactorVersion, FactorVersionAt } from './summary';
import { statsDevices, statsSummary } from './summary';

/**
 * Until the versioned, editable factor table (core/stats/factors.ts, built beside this slice) is merged:
 * its default version, the Boavizta medians of ../shared/data/README.md, as the one version there is.
 * After the merge this becomes `import { factorVersionAt } from './factors'`.
 */
const BOAVIZTA_DEFAULT: FactorVersion = {
  number: 1,
  factors: {
    laptop: 235.9,
    desktop: 248.8,
    workstation: 547.6,
    thin_client: 45.3,
    tablet: 71.3,
    phone: 52.8,
    server: 1215.4,
    network: 16.0,
    monitor: 333.3,
    printer_mfp: null,
    printer: null,
    docking_station: null,
    peripheral: null,
    other: null,
  },
  source:
    'Boavizta, environmental-footprint-data, boavizta-data-us.csv commit 61323eb (2023-02-23): median manufacturing share ' +
    '(gwp_total × gwp_manufacturing_ratio) by category. ODbL-1.0 / DbCL-1.0.',
  createdAt: '2023-02-23T00:00:00.000Z',
};
const factorVersionAt: FactorVersionAt = () => BOAVIZTA_DEFAULT;

export const statsHandlers: HandlerPart = {
  'stats.summary': (input, ctx) => statsSummary(ctx.store, factorVersionAt, input),
  'stats.devices': (input, ctx) => statsDevices(ctx.store, factorVersionAt, input),
};
