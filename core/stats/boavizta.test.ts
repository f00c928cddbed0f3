import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMISSION_FACTORS } from '../../shared/emission-factors';
import { deriveFactors, subcategoryMedians } from './boavizta';

// The reference file sits beside the project (../shared/data), as the issue names it; a checkout without it skips.
const FILE = path.resolve(__dirname, '../../../shared/data/boavizta-data-us.csv');
const haveFile = fs.existsSync(FILE);

describe('the default emission factors from Boavizta', () => {
  it('takes the median of total × manufacturing ratio per subcategory, ignoring rows without a ratio and the case of the name', () => {
    const csv = [
      'manufacturer,name,subcategory,gwp_total,gwp_manufacturing_ratio',
      'A,a1,Laptop,100,0.5',
      'A,a2,Laptop,300,0.5',
      'A,a3,Laptop,200,0.5',
      'A,a4,Laptop,999,',
      'B,b1,Thin Client,40,1',
      'B,b2,Thin client,50,1',
      'C,c1,Printer,500,',
    ].join('\n');
    expect(subcategoryMedians(csv)).toEqual([
      { subcategory: 'laptop', n: 3, medianKg: 100 },
      { subcategory: 'thin client', n: 2, medianKg: 45 },
    ]);
    const factors = deriveFactors(csv);
    expect(factors.laptop).toBe(100);
    expect(factors.thin_client).toBe(45);
    expect(factors.printer).toBeNull();
    expect(factors.desktop).toBeNull();
  });

  it.skipIf(!haveFile)('ships exactly the table the Boavizta file gives (the medians its README lists)', () => {
    const factors = deriveFactors(fs.readFileSync(FILE, 'utf8'));
    expect(factors).toEqual(DEFAULT_EMISSION_FACTORS);
    expect(factors).toMatchObject({ laptop: 235.9, desktop: 248.8, monitor: 333.3, phone: 52.8, tablet: 71.3, thin_client: 45.3, server: 1215.4, network: 16, workstation: 547.6 });
  });
});
