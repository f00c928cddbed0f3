/** axe-core on the page as it is now, for the specs that check accessibility. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/**
 * axe's violations on the page now, every rule run as before. Only violations are asked for: axe then skips
 * describing every node that passed (a unique selector and HTML for each), which took about a tenth of each
 * run on the device list, and no spec reads those.
 *
 * Legacy mode runs `axe.run` in the page itself. The default runs `axe.runPartial` in each frame and then opens a
 * blank page to put the parts together (`axe.finishRun`), which took each check about twice as long (measured on
 * three screens: 9.8 s against 5.8 s for the device list on a loaded 2-core machine). Both run the same rules; what
 * legacy mode gives up is checking frames from another origin, and the app has no frames.
 */
export async function axeViolations(page: Page): Promise<AxeResults['violations']> {
  return (await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode(true).analyze()).violations;
}
