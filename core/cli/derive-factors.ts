/**
 * `npx tsx core/cli/derive-factors.ts [--csv FILE]`
 * Prints the median manufacturing footprint of every Boavizta subcategory and the default factor table it gives
 * our categories, as pasted into shared/emission-factors.ts. The file defaults to ../shared/data/boavizta-data-us.csv
 * (Boavizta, commit 61323eb).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deriveFactors, subcategoryMedians } from '../stats/boavizta';

const { values } = parseArgs({ options: { csv: { type: 'string' } } });
const file = path.resolve(values.csv ?? path.join('..', 'shared', 'data', 'boavizta-data-us.csv'));
const text = fs.readFileSync(file, 'utf8');

console.log(`Manufacturing kg CO2e by Boavizta subcategory (median of gwp_total × gwp_manufacturing_ratio), from ${file}:`);
for (const m of subcategoryMedians(text)) console.log(`  ${m.subcategory.padEnd(16)} ${String(m.medianKg).padStart(8)}  (n=${m.n})`);
console.log('\nDEFAULT_EMISSION_FACTORS:');
for (const [category, kg] of Object.entries(deriveFactors(text))) console.log(`  ${category}: ${kg === null ? 'null' : kg.toFixed(1)},`);
