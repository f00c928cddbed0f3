/**
 * `npm run bench:ui -- [--devices 100000] [--events 1000000] [--dir D] [--words latitude,thinkpad,…]`
 * The marketplace in Chromium at 100,000 devices: on the bench:store data set (generated into D/file-N if
 * absent, reused otherwise; copied so the source stays untouched), starts the web server as a user would
 * (dist/server/main.mjs; `npm run build` first if there is no build), signs in as a department contact in
 * /usr/bin/chromium and
 * - types search words key by key: each key is timed from its keydown (performance.now() in the page) to the
 *   frame after the result list says it shows that text's results (`data-results-for`, seen by a
 *   MutationObserver), waiting for each before the next key;
 * - scrolls the list through 5,000 results (one step a frame) while a PerformanceObserver records long tasks.
 * Prints one JSON line last. Not part of the test command.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { FileStore } from '../store/file/file-store';
import { BENCH_DATA_OPTIONS, buildBenchData } from './bench-data';
import { startServer } from '../../test/support/web-server';

const { values: args } = parseArgs({
  options: {
    ...BENCH_DATA_OPTIONS,
    words: { type: 'string', default: 'latitude,thinkpad,elitebook,optiplex' },
    scroll: { type: 'string', default: '5000' },
  },
});
const DEVICES = Number(args.devices);
const EVENTS = Number(args.events);
const SCROLL_RESULTS = Number(args.scroll);
const CONTACT = 'user-suf-1';
const log = (m: string) => process.stderr.write(`${m}\n`);
const round = (x: number) => Math.round(x * 10) / 10;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Times one key: keydown → the frame after the list shows the results for `expected`. */
async function timeKey(page: Page, key: string, expected: string): Promise<number> {
  // Armed (and awaited) before the key is sent: Playwright does not order an evaluate before a later key press.
  await page.evaluate((want) => {
    const w = window as unknown as { pendingKey?: Promise<number> }; // why: a slot for the bench on the page's window
    w.pendingKey = new Promise<number>((resolve, reject) => {
      let t0: number | undefined;
      const results = () => document.querySelector('.market-results')?.getAttribute('data-results-for');
      const obs = new MutationObserver(() => {
        if (t0 === undefined || results() !== want) return;
        obs.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0!));
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-results-for'] });
      addEventListener('keydown', () => (t0 = performance.now()), { once: true, capture: true });
      setTimeout(() => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="search-text"]')?.value;
        reject(new Error(`no results for "${want}" in 30 s (field "${input}", results for "${results()}")`));
      }, 30_000);
    });
  }, expected);
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { pendingKey: Promise<number> }).pendingKey); // why: set just above
}

/** Scrolls the result list one step a frame until `results` cards are past; returns the long tasks seen. */
async function scrollThrough(page: Page, results: number): Promise<{ longTasks: number[]; reached: number; ms: number }> {
  return page.evaluate(async (count) => {
    const longTasks: number[] = [];
    const po = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    po.observe({ type: 'longtask' });
    const scroller = document.querySelector<HTMLElement>('[data-testid="market-results"]')!;
    const rowHeight = document.querySelector<HTMLElement>('.market-row')!.offsetHeight;
    const target = count * rowHeight;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const t0 = performance.now();
    while (scroller.scrollTop + scroller.clientHeight < target) {
      const before = scroller.scrollTop;
      scroller.scrollTop += 600;
      await frame();
      if (scroller.scrollTop === before) break;
    }
    // Let the last pages arrive, and the observer report.
    await new Promise((r) => setTimeout(r, 1500));
    po.disconnect();
    const shown = [...document.querySelectorAll('.market-row')].map((li) => Number(li.getAttribute('aria-posinset')));
    return { longTasks, reached: Math.max(...shown), ms: performance.now() - t0 };
  }, results);
}

async function main(): Promise<void> {
  const source = path.join(path.resolve(args.dir), `file-${DEVICES}`);
  await buildBenchData('file', source, DEVICES, EVENTS, args.fresh, log);
  const runDir = path.join(path.resolve(args.dir), 'ui-run');
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.cpSync(source, runDir, { recursive: true });
  const listed = await listedCount(runDir);
  log(`${listed} devices listed of ${DEVICES}`);
  if (listed < SCROLL_RESULTS) throw new Error(`the data set lists ${listed} devices; the scroll needs ${SCROLL_RESULTS}`);

  if (!fs.existsSync('dist/server/main.mjs') || !fs.existsSync('dist/renderer/index.html')) {
    log('no build: npm run build');
    const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const t0 = performance.now();
  // Opening 100,000 devices takes a while on a loaded machine.
  const server = await startServer({ dataDir: runDir, startMs: 300_000, nodeArgs: ['--max-old-space-size=4096'] });
  const { link } = server;
  log(`server up in ${Math.round(performance.now() - t0)} ms`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    // tsx keeps function names with a `__name` helper that the page does not have; the timed functions below need it.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(link);
    await page.getByTestId(`profile-${CONTACT}`).click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${new URL(link).origin}/#/marketplace`);
    const field = page.getByTestId('search-text');
    await page.waitForSelector('.market-results[data-results-for=""] .market-row');
    await field.focus();

    const keystrokes: number[] = [];
    for (const word of args.words.split(',').filter(Boolean)) {
      for (let i = 1; i <= word.length; i++) keystrokes.push(await timeKey(page, word[i - 1]!, word.slice(0, i)));
      const total = await page.getByTestId('search-total').textContent();
      log(`"${word}": ${keystrokes.slice(-word.length).map(round).join(' ')} ms (${total})`);
      await field.fill('');
      await page.waitForSelector('.market-results[data-results-for=""] .market-row');
    }

    await page.waitForSelector('.market-row [data-testid="device-row"]');
    const scroll = await scrollThrough(page, SCROLL_RESULTS);
    log(`scrolled to result ${scroll.reached} in ${Math.round(scroll.ms)} ms; long tasks: ${scroll.longTasks.map(round).join(' ') || 'none'}`);
    if (scroll.reached < SCROLL_RESULTS) throw new Error(`the scroll stopped at result ${scroll.reached}`);
    const load = os.loadavg().map((l) => Math.round(l * 100) / 100);
    console.log(
      JSON.stringify({
        devices: DEVICES,
        listed,
        keystrokes: keystrokes.length,
        keystroke_p50_ms: round(quantile(keystrokes, 0.5)),
        keystroke_p95_ms: round(quantile(keystrokes, 0.95)),
        keystroke_max_ms: round(Math.max(...keystrokes)),
        scrolled_results: scroll.reached,
        scroll_long_tasks: scroll.longTasks.length,
        scroll_long_task_max_ms: round(Math.max(0, ...scroll.longTasks)),
        load_average: load,
        cpus: os.cpus().length,
      }),
    );
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(server.configDir, { recursive: true, force: true });
  }
}

async function listedCount(dir: string): Promise<number> {
  const store = await FileStore.open(dir);
  try {
    return (await store.searchDevices({ status: 'listed', sort: 'updated_desc', limit: 1, offset: 0 })).total;
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
