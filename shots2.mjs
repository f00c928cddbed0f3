// Screenshots of issue 11's changed screens, Danish and English (scratch; not committed).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
const PORT = 5392, SECRET = 'shot-secret-0123456789abcdefgh';
fs.rmSync('/tmp/shot2-data', { recursive: true, force: true });
const srv = spawn(process.execPath, ['dist/server/main.mjs'], { env: { ...process.env, PORT: String(PORT), KREDSLOB_DATA_DIR: '/tmp/shot2-data', KREDSLOB_WEB_SECRET: SECRET, KREDSLOB_NO_OPEN: '1', XDG_CONFIG_HOME: '/tmp/shot-cfg' }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => srv.stdout.on('data', (b) => String(b).includes('secret=') && r()));
process.on('exit', () => srv.kill());
const base = `http://127.0.0.1:${PORT}`;
async function call(user, proc, input) {
  const t = await (await fetch(`${base}/api/session.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kredslob-secret': SECRET }, body: JSON.stringify({ userId: user }) })).json();
  const r = await (await fetch(`${base}/api/${proc}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kredslob-secret': SECRET, authorization: `Bearer ${t.data.token}` }, body: JSON.stringify(input) })).json();
  if (!r.ok) throw new Error(proc + ' ' + JSON.stringify(r.error));
  return r.data;
}
const handed = (await call('user-admin-1', 'devices.search', { status: 'reused', limit: 1 })).items[0];
const reserved = (await call('user-admin-1', 'devices.search', { status: 'reserved', limit: 1 })).items[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const shots = process.argv.slice(2);
for (const lang of ['da', 'en']) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: lang === 'da' ? 'da-DK' : 'en-GB' });
  await ctx.addInitScript((l) => localStorage.setItem('kredslob.locale', l), lang);
  const page = await ctx.newPage();
  async function as(user) {
    await page.goto(`${base}/?secret=${SECRET}`);
    const sw = page.getByRole('button', { name: lang === 'da' ? 'Skift profil' : 'Switch profile' });
    await page.waitForTimeout(2000);
    if (await sw.isVisible().catch(() => false)) await sw.click();
    await page.getByTestId(`profile-${user}`).click();
    await page.getByTestId('current-user').waitFor();
  }
  async function shot(name, hash, full = false) {
    if (hash) await page.goto(`${base}/#${hash}`);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/s2-${name}-${lang}.png`, fullPage: full });
  }
  await as('user-warehouse-1');
  await shot('handed-device', `/devices/${handed.id}`, true);
  await shot('reserved-device', `/devices/${reserved.id}`, true);
  await shot('handover', '/hand-over');
  await page.getByLabel(lang === 'da' ? 'På skærmen' : 'On screen').check().catch(() => {});
  await shot('handover-pad', null, true);
  await shot('all-devices', '/devices');
  await as('user-kff-1');
  await shot('notifications', '/notifications');
  await shot('reservations', '/reservations', true);
  await ctx.close();
}
await browser.close();
srv.kill();
