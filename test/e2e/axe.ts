/** axe-core on the page as it is now, for the specs that check accessibility. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/**
 * axe's violations on the page now, every rule run as before. Only violations are asked for: axe then skips
 * describing every node that passed (a unique selector and HTML for each), which took about a tenth of each
 * run on the device list, and no spec reads those.
 */
export async function axeViolations(page: Page): Promise<AxeResults['violations']> {
  return (await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze()).violations;
}
