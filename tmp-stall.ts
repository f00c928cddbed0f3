import fs from 'node:fs';
import { FileStore } from './core/store/file/file-store';
import { addDevice, createBatch, collectBatch, registerCertificate, sealBatch, batchDetail } from './core/batches/service';
import { routeToEwaste } from './core/ewaste/service';
import { saveRecycler } from './core/recyclers/service';
import { copenhagenDay } from './shared/days';
import type { ServiceContext } from './core/context';
import type { Store } from './core/store/store';
let label = 'open';
(globalThis as any).__mark = (l: string) => { label = l; };
const gaps: string[] = [];
let last = performance.now();
setInterval(() => { const t = performance.now(); if (t - last > 25) gaps.push(`${label}: ${Math.round(t - last)} ms`); last = t; }, 2).unref();
async function actingAs(store: Store, userId = 'user-warehouse-1'): Promise<ServiceContext> {
  const user = (await store.getUser(userId))!;
  return { store, clock: { now: () => new Date() }, actor: { kind: 'user', user, department: await store.getDepartment(user.departmentId) } };
}
const turn = () => new Promise((r) => setTimeout(r, 5));
async function main() {
  const src = process.argv[2] ?? '/tmp/kr-bench-main/file-100000';
  fs.rmSync('/tmp/kr-stall', { recursive: true, force: true });
  fs.cpSync(src, '/tmp/kr-stall', { recursive: true });
  const store = await FileStore.open('/tmp/kr-stall', { log: () => {} });
  await turn();
  const wh = await actingAs(store); const admin = await actingAs(store, 'user-admin-1');
  label = 'search';
  const candidates = (await store.searchDevices({ status: 'listed', sort: 'model_asc', limit: 5000, offset: 0 })).items;
  await turn();
  const today = copenhagenDay(new Date());
  const recycler = await saveRecycler(admin, { legalName: 'B', cvr: '64942212', address: 'x', certifications: [{ scheme: 'WEEELABEX', number: 'W', validUntil: '2030-01-01' }] });
  label = 'route';
  for (const d of candidates) { await routeToEwaste(wh, { deviceId: d.id, reason: 'obsolete' }); await new Promise((r) => setImmediate(r)); }
  await turn();
  const batch = await createBatch(wh, { containerType: 'pallet', certifiedDestruction: false });
  label = 'scan';
  for (const d of candidates) { await addDevice(wh, { batchId: batch.id, tag: d.assetTag }); await new Promise((r) => setImmediate(r)); }
  await turn(); label = 'detail';
  const detail = await batchDetail(wh, batch.id);
  await turn(); label = 'seal';
  await sealBatch(wh, { batchId: batch.id, sealId: 'P', weightsKg: Object.fromEntries(detail.weee.map((w) => [w.category, Math.max(0.001, w.declaredKg)])) });
  await turn(); label = 'collect';
  await collectBatch(wh, { batchId: batch.id, recyclerId: recycler.id, waybill: 'F', date: today });
  await turn(); label = 'certificate';
  await registerCertificate(wh, { batchId: batch.id, number: 'G', issueDate: today, kind: 'recycling', serials: candidates.map((d) => d.serial) });
  await turn(); label = 'close';
  if (process.argv[3] === 'keep') { await store.close(); fs.rmSync('/tmp/kr-stall-base', { recursive: true, force: true }); }
  console.log(gaps.join('\n') || 'no gaps over 25 ms');
  process.exit(0);
}
void main();
