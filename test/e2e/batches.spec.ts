/**
 * The e-waste journey of issue 8, in the browser: five devices routed to e-waste (one data-bearing without a
 * wipe) are scanned into a disposal batch at scanner speed, sealed with their weights, refused collection
 * naming the unwiped tag (nothing changes), collected once its wipe is recorded, and reconciled against two
 * recycler certificates until the batch closes. Every step lands on the devices' trails, and the data folder's
 * hash chains verify afterwards.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { WIPE } from '../../core/testing/fixtures';
import { bundledEntry } from '../../core/testing/entry-bundle';
import type { Device } from '../../shared/schemas';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { BatchesPage } from './pages/BatchesPage';
import { BatchPage } from './pages/BatchPage';
import { DevicePage, VERIFIED_PURGE } from './pages/DevicePage';
import { EwastePage } from './pages/EwastePage';
import { HandheldScanner } from './pages/HandheldScanner';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const ADMIN = 'user-admin-1';
const BUF_CONTACT = 'user-buf-1';
const WAREHOUSE = 'user-warehouse-1';
const BUF_SITE_ID = 'dep-buf-site-1';
const SHELF_ID = 'loc-shelf-A1';
const RECYCLER = {
  legalName: 'Elektronik Genanvendelse A/S',
  cvr: '64942212',
  address: 'Industrivej 1, 2600 Glostrup',
  certifications: [{ scheme: 'WEEELABEX' as const, number: 'WL-123', validUntil: '2099-12-31' }],
};
const WEEE_2 = '2 – Skærme og udstyr med skærm';
const WEEE_6 = '6 – Småt IT- og teleudstyr';
/** The smallest file the core takes as a PDF (it checks the magic bytes). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Two wiped laptops, two monitors (no data) and one desktop without a wipe, checked in as defective: the
 * warehouse routes them in the browser. Returned in that order; the desktop is last.
 */
async function fiveDevices(api: Api): Promise<Device[]> {
  const stamp = Date.now();
  const kinds = [
    { category: 'laptop', weightKg: 2, wipe: true },
    { category: 'laptop', weightKg: 2, wipe: true },
    { category: 'monitor', weightKg: 5, wipe: false },
    { category: 'monitor', weightKg: 5, wipe: false },
    { category: 'desktop', weightKg: 8, wipe: false },
  ] as const;
  const devices: Device[] = [];
  for (const [i, k] of kinds.entries()) {
    const d = await api.call(BUF_CONTACT, 'devices.report', {
      category: k.category,
      manufacturer: 'HP',
      model: `Affald ${i + 1}`,
      serial: `WEEE-${stamp}-${i + 1}`,
      locationId: BUF_SITE_ID,
      weightKg: k.weightKg,
    });
    await api.call(WAREHOUSE, 'devices.checkIn', { assetTag: d.assetTag, condition: 'defective', locationId: SHELF_ID });
    if (k.wipe) await api.call(WAREHOUSE, 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
    devices.push(d);
  }
  return devices;
}

/** The core's own words for a refusal, as Api.call reports it ("<procedure> as <user>: <CODE> <message>"). */
async function refusalText(call: Promise<unknown>): Promise<string> {
  const e = await call.then(
    () => new Error('expected a refusal'),
    (err: unknown) => err,
  );
  const m = /: [A-Z_]+ (.*)$/s.exec(e instanceof Error ? e.message : '');
  if (!m?.[1]) throw e;
  return m[1];
}

test('five devices go from e-waste to a closed batch: scan, seal, the wipe gate, collection, two certificates, a verified trail', async ({ page, request, app }) => {
  test.setTimeout(180_000);
  const api = new Api(request);
  const recycler = await api.call(ADMIN, 'recyclers.save', RECYCLER);
  const devices = await fiveDevices(api);
  const [laptop1, laptop2, monitor1, monitor2, desktop] = devices as [Device, Device, Device, Device, Device];
  const { items: listedItems } = await api.call(WAREHOUSE, 'devices.search', { status: 'listed', limit: 1 });
  const notRouted = listedItems[0];
  if (!notRouted) throw new Error('the demo data has a device on the marketplace');

  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(WAREHOUSE);

  // Route the five in E-affald, by tag, one by one.
  const ewaste = new EwastePage(page);
  await ewaste.goto();
  for (const d of devices) {
    await ewaste.routeOne(d.assetTag, 'Defekt');
    await expect(ewaste.outcomes).toContainText(`${d.assetTag} er sendt til elektronikaffald.`);
  }

  // A new batch from the E-affald area; its page opens with the focus in the tag field.
  await page.getByTestId('ewaste-batches-link').click();
  const batches = new BatchesPage(page);
  await page.getByRole('heading', { level: 1, name: 'Affaldspartier' }).waitFor();
  await batches.create('Palle');
  const batch = new BatchPage(page);
  await expect(batch.number).toHaveText(/^AP-\d{6}$/);
  const batchNumber = (await batch.number.textContent()) ?? '';
  const batchId = batch.batchId();
  await batch.expectStatus('open');
  await expect(batch.scanField).toBeFocused();

  // Scanner speed: the five and one device that was never routed, back to back.
  const scanner = new HandheldScanner(page);
  const order = [laptop1, laptop2, notRouted, monitor1, monitor2, desktop];
  await scanner.scanAll(order.map((d) => d.assetTag));
  for (const d of devices) await expect(batch.scanRow(d.assetTag)).toHaveAttribute('data-state', 'done');
  const refused = await refusalText(api.call(WAREHOUSE, 'batches.addDevice', { batchId, tag: notRouted.assetTag }));
  await expect(batch.scanRow(notRouted.assetTag)).toHaveAttribute('data-state', 'failed');
  await expect(batch.scanRow(notRouted.assetTag)).toContainText(refused);
  await expect(batch.devices).toHaveCount(5);

  // Undo takes the last one out again; scanning it again puts it back.
  await batch.undoButton.click();
  await expect(batch.scanRow(desktop.assetTag)).toHaveAttribute('data-undone', 'true');
  await expect(batch.devices).toHaveCount(4);
  await scanner.scan(desktop.assetTag);
  await expect(batch.devices).toHaveCount(5);

  // "Tag ud af partiet": the next scan takes a monitor out; back in "Læg i partiet" it goes in again.
  await batch.chooseMode('Tag ud af partiet');
  await expect(batch.scanField).toBeFocused();
  await scanner.scan(monitor2.assetTag);
  await expect(batch.result).toContainText(`${monitor2.assetTag} er taget ud af ${batchNumber}`);
  await expect(batch.devices).toHaveCount(4);
  expect((await api.call(WAREHOUSE, 'devices.get', { id: monitor2.id })).device.status).toBe('ewaste_queued');
  await batch.chooseMode('Læg i partiet');
  await scanner.scan(monitor2.assetTag);
  await expect(batch.result).toContainText(`${monitor2.assetTag} (HP Affald 4) er lagt i ${batchNumber}`);
  await expect(batch.devices).toHaveCount(5);
  await expect(batch.weee.locator('tr[data-weee="2"]')).toContainText('14');
  await expect(batch.weee.locator('tr[data-weee="6"]')).toContainText('8');
  await expect(batch.unwiped).toContainText(desktop.assetTag);
  await page.screenshot({ path: test.info().outputPath('batch-page-open-da.png'), fullPage: true });

  // A weight missing for a category the batch holds is named at its field, and the batch stays open.
  await batch.seal('PL-778', { [WEEE_2]: '14,6' });
  await expect(batch.sealForm.getByRole('textbox', { name: WEEE_6 })).toHaveAttribute('aria-invalid', 'true');
  await expect(batch.sealForm.locator('.field-invalid')).toContainText('Skal udfyldes.');
  await expect(batch.sealForm.getByRole('textbox', { name: WEEE_6 })).toBeFocused();
  await batch.expectStatus('open');

  // Seal with the weighed kg (Danish decimal comma); the collection form takes the focus.
  await batch.seal('PL-778', { [WEEE_2]: '14,6', [WEEE_6]: '8,2' });
  await batch.expectStatus('sealed');
  await expect(batch.weee.locator('tr[data-weee="2"]')).toContainText('14,6');
  await expect(batch.collectForm.getByLabel('Genanvender')).toBeFocused();

  // The gate: refused naming the unwiped desktop, and nothing changed.
  const recyclerOption = `${RECYCLER.legalName} (CVR ${RECYCLER.cvr})`;
  await batch.collect(recyclerOption, 'FB-1001');
  await expect(batch.errorSummary).toContainText(desktop.assetTag);
  await page.screenshot({ path: test.info().outputPath('batch-page-refused-da.png'), fullPage: true });
  await batch.expectStatus('sealed');
  const stillSealed = await api.call(WAREHOUSE, 'batches.get', { id: batchId });
  expect(stillSealed.batch.status).toBe('sealed');
  expect(stillSealed.batch.collection).toBeUndefined();
  for (const d of devices) expect((await api.call(WAREHOUSE, 'devices.get', { id: d.id })).device.status).toBe('in_batch');

  // Its wipe is recorded on its device page, reached from the list of unwiped devices.
  await batch.unwiped.getByRole('link', { name: new RegExp(desktop.assetTag) }).click();
  const devicePage = new DevicePage(page);
  await expect(devicePage.assetTag).toHaveText(desktop.assetTag);
  await devicePage.recordSanitization(VERIFIED_PURGE);
  await page.goBack();
  await batch.expectStatus('sealed');
  await expect(batch.unwiped).toHaveCount(0);

  await batch.collect(recyclerOption, 'FB-1001');
  await batch.expectStatus('collected');
  await expect(page.getByTestId('batch-waybill')).toHaveText('FB-1001');
  await expect(page.getByTestId('batch-recycler')).toHaveText(recyclerOption);
  await expect(batch.certificateForm.getByLabel('Bevisnummer')).toBeFocused();

  // The manifest for Danish Excel names the batch, the waybill and every device with its serial.
  const manifestDownload = page.waitForEvent('download');
  await page.getByTestId('batch-documents').getByRole('button', { name: 'Manifest (CSV)' }).click();
  const manifestPath = await (await manifestDownload).path();
  const manifest = readFileSync(manifestPath, 'utf8');
  expect(manifest.startsWith('\uFEFF')).toBe(true);
  for (const d of [laptop1, laptop2, monitor1, monitor2, desktop]) expect(manifest).toContain(`${d.assetTag};${d.serial}`);

  // The first certificate: four of the five (as the recycler wrote them) and one serial not in the batch.
  const covered = [laptop1, laptop2, monitor1, monitor2];
  await batch.registerCertificate({
    number: 'GB-1',
    kind: 'Genanvendelsesbevis',
    serials: ` ${laptop1.serial.toLowerCase()}\t${laptop2.serial} ;${monitor1.serial}\r\n${monitor2.serial}\nX-NOT-IN-BATCH\n`,
    pdf: { name: 'gb-1.pdf', buffer: PDF },
  });
  await expect(batch.outcome).toContainText('Bevis nr. GB-1 er registreret');
  await expect(batch.reconciliationCount('GB-1', 'matched')).toHaveText('4');
  await expect(batch.reconciliationCount('GB-1', 'missing')).toHaveText('1');
  await expect(batch.reconciliationCount('GB-1', 'unexpected')).toHaveText('1');
  await expect(batch.reconciliationList('GB-1', 'missing')).toContainText(desktop.assetTag);
  await expect(batch.reconciliationList('GB-1', 'unexpected')).toContainText('X-NOT-IN-BATCH');
  for (const d of covered) await expect(batch.reconciliationList('GB-1', 'matched')).toContainText(d.assetTag);
  await batch.expectStatus('collected');
  await expect(batch.missing).toContainText(desktop.assetTag);
  for (const d of covered) expect((await api.call(WAREHOUSE, 'devices.get', { id: d.id })).device.status).toBe('recycled');
  expect((await api.call(WAREHOUSE, 'devices.get', { id: desktop.id })).device.status).toBe('collected');

  // The attached PDF comes back as it was sent.
  const download = page.waitForEvent('download');
  await batch.certificate('GB-1').getByTestId('certificate-pdf').click();
  const saved = await (await download).path();
  expect(saved).toBeTruthy();

  await page.screenshot({ path: test.info().outputPath('batch-page-da.png'), fullPage: true });
  const shell = new AppShell(page);
  await shell.switchLanguage('English');
  await expect(batch.certificate('GB-1')).toContainText('Certificate of recycling no. GB-1');
  await page.screenshot({ path: test.info().outputPath('batch-page-en.png'), fullPage: true });
  await shell.switchLanguage('Dansk');

  // A second certificate covers the desktop and closes the batch; its serials come from the recycler's CSV
  // (Danish Excel: BOM, semicolons, a title line above the table).
  const csv = `\uFEFFGenanvendelsesbevis GB-2;;\r\nVare;Serienummer;Vægt\r\nDesktop;${desktop.serial};5,3\r\n`;
  await batch.registerCertificate({ number: 'GB-2', kind: 'Destruktionsbevis', serialFile: { name: 'gb-2.csv', buffer: Buffer.from(csv, 'utf8') } });
  await batch.expectStatus('closed');
  await expect(batch.reconciliationCount('GB-2', 'matched')).toHaveText('1');
  await expect(batch.reconciliationCount('GB-2', 'missing')).toHaveText('0');
  await expect(batch.missing).toHaveCount(0);
  await expect(batch.certificateForm).toHaveCount(0);

  // The desktop's trail, on its device page, shows every step.
  await page.getByTestId('batch-devices').getByRole('link', { name: desktop.assetTag, exact: true }).click();
  await expect(devicePage.assetTag).toHaveText(desktop.assetTag);
  await expect(devicePage.status).toHaveAttribute('data-status', 'destroyed');
  const trail = await devicePage.trailEntries();
  expect(trail.map((e) => e.type)).toEqual([
    'reported',
    'checked_in',
    'routed_to_ewaste',
    'added_to_batch',
    'removed_from_batch',
    'added_to_batch',
    'sanitized',
    'collected',
    'certified',
    'destroyed',
  ]);
  const entry = (type: string) => trail.find((e) => e.type === type)?.text ?? '';
  expect(entry('collected')).toContain(batchNumber);
  expect(entry('collected')).toContain('FB-1001');
  expect(entry('certified')).toContain('GB-2');
  expect(entry('certified')).toContain(`${RECYCLER.legalName} (CVR ${RECYCLER.cvr})`);
  expect(recycler.cvr).toBe(RECYCLER.cvr);

  // The data folder's hash chains verify, once the server has let go of it.
  await app.stop();
  const verify = spawnSync(process.execPath, [bundledEntry('core/cli/verify-trail.ts'), '--data-dir', app.dataDir], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: app.configDir },
  });
  expect(verify.stdout).toContain('Keyed links checked with the trail key'); // the server and the tool found the same key
  expect(verify.stdout).toMatch(/All \d+ device trails verified intact/);
  expect(verify.status).toBe(0);
});

test('the sustainability team reads the batches and a batch page, without the steps that change them', async ({ page, request }) => {
  const api = new Api(request);
  const created = await api.call(WAREHOUSE, 'batches.create', { containerType: 'cage', certifiedDestruction: true, note: 'Harddiske til makulering' });

  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose('user-sustainability-1');
  await new AppShell(page).open('Affaldspartier');
  const batches = new BatchesPage(page);
  await expect(batches.row(created.number)).toContainText('Bur');
  await expect(batches.row(created.number)).toContainText('Åbent');
  await expect(batches.newForm).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('batches-list-da.png'), fullPage: true });

  await batches.row(created.number).getByRole('link', { name: created.number }).click();
  const batch = new BatchPage(page);
  await expect(batch.number).toHaveText(created.number);
  await batch.expectStatus('open');
  await expect(page.getByTestId('batch-destruction')).toHaveText('Ja');
  await expect(page.getByTestId('batch-facts')).toContainText('Harddiske til makulering');
  await expect(page.getByTestId('batch-devices')).toContainText('Der er ingen enheder i partiet endnu.');
  await expect(batch.scanField).toHaveCount(0);
  await expect(batch.sealForm).toHaveCount(0);
});
