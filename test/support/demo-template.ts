/**
 * The demo municipality seeded once and copied for each test. Seeding its 24 months of history takes the
 * server about 2 s at start (more on a busy machine); copying the seeded data folder and its trail key takes
 * about 20 ms, and a server opens the copy as it would reopen its own folder. Each test still gets a folder
 * of its own, so nothing one test writes is seen by another.
 *
 * The seed is made by the server itself (startServer over an empty folder), so the copy is exactly what a
 * fresh demo server holds. It is made again when the Copenhagen day has changed since: the demo's history
 * ends "today", and a test reading today's figures must see the same day as a freshly seeded server would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copenhagenDay } from '../../shared/days';
import { startServer } from './web-server';

/** A data folder and the config folder holding its trail key: what startServer needs to open a copy. */
export interface DataFolders {
  dataDir: string;
  configDir: string;
}

/** The data folder's lock names the process that held it; the copy is opened by another one. */
const NOT_COPIED = new Set(['kredslob.lock']);

function copyFolder(from: string, prefix: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(from, to, { recursive: true, filter: (src) => !NOT_COPIED.has(path.basename(src)) });
  return to;
}

export function removeFolders(folders: DataFolders): void {
  fs.rmSync(folders.dataDir, { recursive: true, force: true });
  fs.rmSync(folders.configDir, { recursive: true, force: true });
}

export class DemoTemplate {
  private seeded: (DataFolders & { day: string }) | undefined;

  /** Fresh folders holding the demo municipality as a new demo server seeds it today; the caller removes them. */
  async copy(): Promise<DataFolders> {
    const template = await this.today();
    return { dataDir: copyFolder(template.dataDir, 'kredslob-e2e-'), configDir: copyFolder(template.configDir, 'kredslob-e2e-config-') };
  }

  remove(): void {
    if (this.seeded) removeFolders(this.seeded);
    this.seeded = undefined;
  }

  private async today(): Promise<DataFolders> {
    const day = copenhagenDay(new Date());
    if (this.seeded?.day === day) return this.seeded;
    this.remove();
    const server = await startServer();
    await server.stop();
    this.seeded = { day, dataDir: server.dataDir, configDir: server.configDir };
    return this.seeded;
  }
}
