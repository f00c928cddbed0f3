/**
 * Typing in the marketplace (bench:ui's keystroke work, wt-perf): the results follow the text; the URL takes the
 * text once typing pauses, and at once when the field is left, so back from a device returns to what was typed;
 * an answer that takes a while shows a spinner until it comes.
 */
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { MarketplacePage } from './pages/MarketplacePage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const CONTACT = 'user-suf-1';

test('typed text reaches the URL, survives a visit to a device, and a slow answer shows a spinner until it comes', async ({ page, request }) => {
  const api = new Api(request);
  const device = (await api.call(CONTACT, 'marketplace.search', { limit: 1 })).items[0]!;
  const word = device.model.split(' ')[0]!.toLowerCase();
  const wordTotal = (await api.call(CONTACT, 'marketplace.search', { text: word, limit: 1 })).total;
  expect(wordTotal).toBeGreaterThan(0);

  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose(CONTACT);
  await new AppShell(page).open('Genbrugsbørs');
  const market = new MarketplacePage(page);
  const resultsFor = page.locator('.market-results');
  await expect(resultsFor).toHaveAttribute('data-results-for', '');

  // Key by key, as a person types: the list ends on the word's results, and the URL follows once typing stops.
  await market.searchField.pressSequentially(word);
  await expect(resultsFor).toHaveAttribute('data-results-for', word);
  expect(await market.totalCount()).toBe(wordTotal);
  await expect.poll(async () => (await market.urlQuery()).get('q')).toBe(word);

  // Leaving the field writes a text typed a moment ago at once (no pause): typed and left in one go in the page.
  const tag = device.assetTag;
  const hashAfterLeaving = await page.evaluate((text) => {
    const field = document.querySelector<HTMLInputElement>('[data-testid="search-text"]')!;
    // why: React tracks the value through the native setter; setting it and sending "input" is what typing does
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.blur();
    return window.location.hash;
  }, tag);
  expect(new URLSearchParams(hashAfterLeaving.split('?')[1] ?? '').get('q')).toBe(tag);
  await expect(resultsFor).toHaveAttribute('data-results-for', tag);
  await expect(market.rows).toHaveCount(1);

  // Open the device and come back: the search is the one typed.
  await market.row(tag).click();
  await expect(page).toHaveURL(new RegExp(`#/devices/${device.id}`));
  await page.goBack();
  await expect(market.searchField).toHaveValue(tag);
  await expect(resultsFor).toHaveAttribute('data-results-for', tag);

  // An answer held back: the list says it is out of date (spinner, busy) until the answer comes.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/marketplace.search', async (route) => {
    await held;
    await route.continue();
  });
  const spinner = page.locator('.results-bar .spinner');
  await expect(spinner).toHaveCount(0);
  await market.searchField.fill(word);
  await expect(spinner).toBeVisible();
  await expect(market.results).toHaveAttribute('aria-busy', 'true');
  await expect(resultsFor).toHaveAttribute('data-results-for', tag);
  release();
  await expect(resultsFor).toHaveAttribute('data-results-for', word);
  await expect(spinner).toHaveCount(0);
  await expect(market.results).toHaveAttribute('aria-busy', 'false');
  expect(await market.totalCount()).toBe(wordTotal);
});
