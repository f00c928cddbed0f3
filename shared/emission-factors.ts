/**
 * The default emission-factor table (version 1): the manufacturing footprint of one new device per category,
 * in kg CO2e, derived from Boavizta's open product-footprint data. `null` means "no factor": the data holds no
 * open figure for that category, so CO2e avoided credits 0 for it and says so.
 *
 * The figures are the output of `npx tsx core/cli/derive-factors.ts` (core/stats/boavizta.ts holds the
 * method); core/stats/boavizta.test.ts checks that they still match the file. The table is a derived
 * database of Boavizta's data and stays under ODbL-1.0 (share-alike), with the credit shown wherever it is.
 */
import type { Category } from './schemas';

/** One factor: kg CO2e to manufacture one new device, or null for "no factor". */
export type EmissionFactor = number | null;
export type EmissionFactors = Record<Category, EmissionFactor>;

/**
 * The Boavizta subcategory each of our categories takes its median from (compared case-insensitively: the file
 * writes both "Thin Client" and "Thin client"). Categories absent here have no open figure.
 */
export const BOAVIZTA_SUBCATEGORY: Partial<Record<Category, string>> = {
  laptop: 'laptop',
  desktop: 'desktop',
  workstation: 'workstation',
  thin_client: 'thin client',
  tablet: 'tablet',
  phone: 'smartphone',
  server: 'server',
  network: 'network',
  monitor: 'monitor',
};

/** Medians of gwp_total × gwp_manufacturing_ratio per subcategory, rounded to 0.1 kg CO2e. */
export const DEFAULT_EMISSION_FACTORS: EmissionFactors = {
  laptop: 235.9,
  desktop: 248.8,
  workstation: 547.6,
  thin_client: 45.3,
  tablet: 71.3,
  phone: 52.8,
  server: 1215.4,
  // The file's printers carry no manufacturing share, so there is no open figure for either kind.
  printer_mfp: null,
  printer: null,
  // Boavizta's four network rows are home routers: a low figure for the municipality's switches.
  network: 16.0,
  monitor: 333.3,
  docking_station: null,
  peripheral: null,
  other: null,
};

/** The source text of version 1: where the figures come from, how they were derived, and the licence. */
export const DEFAULT_FACTOR_SOURCE =
  'Boavizta, environmental-footprint-data, file boavizta-data-us.csv, commit 61323eb (2023-02-23): product carbon ' +
  "footprints declared by manufacturers (mostly the MIT PAIA method). Method: for each category, the median of the " +
  'manufacturing share (gwp_total × gwp_manufacturing_ratio, kg CO2e) over the rows of its Boavizta subcategory ' +
  'that have a manufacturing ratio (laptop n=226, desktop 157, monitor 187, smartphone 50, tablet 22, thin client 15, ' +
  "server 48, network 4, workstation 4). Boavizta's network rows are home routers: a low figure for enterprise switches. " +
  'Printers, docking stations, peripherals and other equipment have no open ' +
  "figure: no factor. Boavizta's own caveat: the figures are manufacturers' declarations, fit for orders of magnitude, " +
  'not for comparing brands. Licence: Open Database License (ODbL-1.0) for the database, Database Contents License ' +
  '(DbCL-1.0) for its contents; this derived table stays under ODbL-1.0. Credit: contains data from Boavizta ' +
  '(https://boavizta.org), environmental-footprint-data.';
