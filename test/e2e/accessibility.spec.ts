/**
 * Accessibility: every screen, in Danish and in English, checked by axe-core as each role sees it, with no
 * serious and no critical violation. Screens come from the main menu of every role (so a new screen is
 * checked as soon as it is in a menu), plus those reached by links: a device page, a batch page, the
 * statistics' device list and method page, the profile picker and the page for an unknown address.
 * On the way it listens for Content-Security-Policy violations: the CSP allows no inline styles, and none of
 * these screens may need one.
 */
import type { Browser, Page } from '@playwright/test';
import { Api } from './api';
import { axeViolations } from './axe';
import { expect, openPrintedLink, test, type AppServer } from './fixtures';
import { AppShell } from './pages/AppShell';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

/** One person per role; the administrator first, who sees the most. */
const PEOPLE = ['user-admin-1', 'user-warehouse-1', 'user-sustainability-1', 'user-buf-1'] as const;

const LANGUAGES = [
  { locale: 'da', menu: 'Hovedmenu', switchProfile: 'Skift profil' },
  { locale: 'en', menu: 'Main menu', switchProfile: 'Switch profile' },
] as const;

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe's serious and critical findings on the page as it is now, named by `screen`. */
async function audit(page: Page, screen: string): Promise<Finding[]> {
  const violations = await axeViolations(page);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ screen, rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/** Opens a hash route in the running app and waits until the screen has its heading and its data. */
async function show(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // why: lists fill in after their call returns; the loading line would otherwise be what axe sees
  await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0);
}

/** A window in the given language, from its own browser context so nothing is shared between languages. */
async function openApp(browser: Browser, app: AppServer, locale: 'da' | 'en'): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.baseURL, locale: locale === 'da' ? 'da-DK' : 'en-GB' });
  await context.addInitScript((l) => {
    window.localStorage.setItem('kredslob.locale', l);
    // why: a blocked style or script is silent on the page; the browser reports it only through this event
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  }, locale);
  await openPrintedLink(context, app);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('profile-user-admin-1')).toBeVisible();
  return page;
}

type Language = (typeof LANGUAGES)[number];

/** One screen to check: the hash to open, as whom. */
interface Visit {
  person: string;
  hash: string;
}

/**
 * Every screen to check in one language, as the four roles' menus in this app list them: each person's home
 * screen as they see it (a department contact's marketplace offers to reserve), then every menu screen nobody
 * before them has shown; then the screens reached by links, as the administrator, who may open them all. Reading
 * the menus takes a profile switch each, no axe run, so every part of the test makes the same list for itself.
 */
async function everyScreen(page: Page, language: Language, linked: readonly string[]): Promise<{ visits: Visit[]; menuScreens: number; signedIn: string }> {
  const visits: Visit[] = [];
  let signedIn = '';
  const visited = new Set<string>();
  const shell = new AppShell(page);
  for (const person of PEOPLE) {
    if (person !== PEOPLE[0]) await page.getByRole('button', { name: language.switchProfile }).click();
    await new ProfilePickerPage(page).choose(person);
    signedIn = person;
    const entries = await shell.menu(language.menu).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(entries.length, `${person} has a menu`).toBeGreaterThan(0);
    const home = entries[0]!;
    for (const hash of [home, ...entries.filter((h) => h !== home && !visited.has(h))]) {
      visited.add(hash);
      visits.push({ person, hash });
    }
  }
  for (const hash of linked) visits.push({ person: 'user-admin-1', hash });
  return { visits, menuScreens: visited.size, signedIn };
}

/** Visits `visits` in order, switching profile where the person changes (`signedIn` is first); returns axe's findings. */
async function auditVisits(page: Page, language: Language, visits: readonly Visit[], signedIn: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  let current = signedIn;
  for (const { person, hash } of visits) {
    if (person !== current) {
      await page.getByRole('button', { name: language.switchProfile }).click();
      await new ProfilePickerPage(page).choose(person);
      current = person;
    }
    await show(page, hash);
    findings.push(...(await audit(page, `${hash} as ${person} (${language.locale})`)));
  }
  return findings;
}

/**
 * axe on every screen takes minutes on a busy two-core machine: each language's screens are checked in PARTS
 * tests, each with its own server, browser context and time budget, so the workers share them. The parts are
 * consecutive slices of one list of the same size, so together they check every screen, with few profile switches.
 * Each part pays for its own server, app start and reading of the four menus (about 30 s of a part's 55 s on a
 * loaded machine, measured), so two parts a language: with four, that set-up was half of this file's time.
 */
const PARTS = 2;

for (const language of LANGUAGES) {
  for (let part = 0; part < PARTS; part++) {
    test(`every screen in ${language.locale}, part ${part + 1} of ${PARTS}: no serious or critical accessibility violation and no CSP violation`, async ({ browser, app, request }) => {
      test.setTimeout(300_000);
      const api = new Api(request);
      const [{ items: devices }, { items: batches }] = await Promise.all([
        api.call('user-warehouse-1', 'devices.search', { limit: 1 }),
        api.call('user-admin-1', 'batches.search', { limit: 1 }),
      ]);
      expect(devices.length, 'the demo has devices').toBe(1);
      expect(batches.length, 'the demo has e-waste batches').toBe(1);
      const linked = [
        `#/devices/${encodeURIComponent(devices[0]!.id)}`,
        `#/batches/${encodeURIComponent(batches[0]!.batch.id)}`,
        '#/stats/devices',
        '#/stats/method',
        '#/no-such-screen',
      ];
      const page = await openApp(browser, app, language.locale);
      try {
        const findings = part === 0 ? await audit(page, `profile picker (${language.locale})`) : [];
        const { visits, menuScreens, signedIn } = await everyScreen(page, language, linked);
        expect(menuScreens, 'the four roles together see every menu screen').toBeGreaterThanOrEqual(14);
        const size = Math.ceil(visits.length / PARTS);
        const mine = visits.slice(part * size, (part + 1) * size);
        expect(mine.length, `part ${part + 1} has screens to check`).toBeGreaterThan(0);
        findings.push(...(await auditVisits(page, language, mine, signedIn)));
        expect(findings).toEqual([]);
        // why: set by openApp's init script; the page's own code never touches it
        const csp = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
        expect(csp, 'Content-Security-Policy violations').toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }
}
