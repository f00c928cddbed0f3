/**
 * The device page's disposal batch and disposal certificate: a device destroyed under the recycler's
 * certificate shows its batch (linked), the batch's status and the certificate, and the warehouse downloads
 * its "Bortskaffelsesbevis" with the whole trail and a verified hash chain. A department contact sees neither.
 */
import { copenhagenDay } from '../../shared/days';
import { Api } from './api';
import { expect, test } from './fixtures';
import { DevicePage } from './pages/DevicePage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { readPdf } from './pdf';

const WAREHOUSE = 'user-warehouse-1';
const ADMIN = 'user-admin-1';
const BUF_CONTACT = 'user-buf-1';

/** Two suggested devices routed, packed for certified destruction, sealed, collected and destroyed under certificate DB-77. */
async function destroyedPair(api: Api) {
  await api.defectiveInStock(['E2E-DOC-1', 'E2E-DOC-2']);
  const { items } = await api.call(WAREHOUSE, 'ewaste.suggestions', { limit: 2 });
  const devices = items.map((i) => i.device);
  expect(devices).toHaveLength(2);
  for (const d of devices) await api.call(WAREHOUSE, 'devices.routeToEwaste', { deviceId: d.id, reason: 'defective' });
  const recycler = await api.call(ADMIN, 'recyclers.save', {
    legalName: 'Elektronik Genanvendelse A/S',
    cvr: '64942212',
    address: 'Industrivej 1, 2600 Glostrup',
    certifications: [{ scheme: 'WEEELABEX', number: 'WL-123', validUntil: '2099-12-31' }],
  });
  const batch = await api.call(WAREHOUSE, 'batches.create', { containerType: 'cage', certifiedDestruction: true });
  for (const d of devices) await api.call(WAREHOUSE, 'batches.addDevice', { batchId: batch.id, tag: d.assetTag });
  const { weee } = await api.call(WAREHOUSE, 'batches.get', { id: batch.id });
  const weightsKg = Object.fromEntries(weee.map((w) => [w.category, Math.max(1, w.declaredKg)]));
  await api.call(WAREHOUSE, 'batches.seal', { batchId: batch.id, sealId: 'PL-9', weightsKg });
  await api.call(WAREHOUSE, 'batches.collect', { batchId: batch.id, recyclerId: recycler.id, waybill: 'FB-42', date: copenhagenDay(new Date()) });
  await api.call(WAREHOUSE, 'batches.registerCertificate', {
    batchId: batch.id,
    number: 'DB-77',
    issueDate: copenhagenDay(new Date()),
    kind: 'destruction',
    serials: devices.map((d) => d.serial),
  });
  return { batch, devices };
}

test('a destroyed device shows its batch and certificate, and its disposal certificate downloads with a verified trail', async ({ page, request }) => {
  const api = new Api(request);
  const { batch, devices } = await destroyedPair(api);
  const device = devices[0]!;

  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose(WAREHOUSE);
  const devicePage = new DevicePage(page);
  await devicePage.goto(`/#/devices/${device.id}`);
  await expect(devicePage.batchLink).toHaveText(batch.number);
  await expect(devicePage.batchLink).toHaveAttribute('href', `#/batches/${batch.id}`);
  await expect(devicePage.batchStatus).toHaveText('Lukket');
  await expect(devicePage.batchCertificate).toContainText('Destruktionsbevis nr. DB-77, udstedt');
  await expect(devicePage.batch).toContainText('Elektronik Genanvendelse A/S (CVR 64942212)');

  const pdf = await readPdf(await devicePage.downloadDisposalDocument('Hent bortskaffelsesbevis (PDF)'));
  expect(pdf.name).toBe(`bortskaffelsesbevis-${device.assetTag}.pdf`);
  expect(pdf.text).toContain(`Bortskaffelsesbevis ${device.assetTag}`);
  expect(pdf.text).toContain(device.serial);
  expect(pdf.text).toContain('Destruktionsbevis nr. DB-77');
  expect(pdf.text).toMatch(/Verificeret: forløbets \d+ hændelser er uændrede/);
  await expect(devicePage.disposalDocument).toContainText(`Filen ${pdf.name} er hentet.`);
});

test('a department contact sees neither the batch section nor the disposal certificate', async ({ page, request }) => {
  const api = new Api(request);
  const { devices } = await destroyedPair(api);
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose(BUF_CONTACT);
  const devicePage = new DevicePage(page);
  await devicePage.goto(`/#/devices/${devices[0]!.id}`);
  await expect(devicePage.trailEvents.last()).toHaveAttribute('data-event-type', 'destroyed');
  await expect(devicePage.batch).toHaveCount(0);
  await expect(devicePage.disposalDocument).toHaveCount(0);
});
