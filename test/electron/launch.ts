/** The desktop app for the `_electron` journeys: the real binary running the build's dist/electron/main.cjs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { removeFolders } from '../support/demo-template';
import { startServer, type AppServer } from '../support/web-server';

const root = path.resolve(import.meta.dirname, '..', '..');

/** What a journey starts (the app, a server, temporary folders), ended by `end()` after each test. */
export class DesktopRun {
  private readonly ends: (() => Promise<void>)[] = [];

  /** A new temporary folder, removed at the end. */
  folder(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.ends.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  /**
   * Launches `binary` (electronBinary(); the journeys skip where it is null) with this process's environment and
   * `env` on top: KREDSLOB_DATA_DIR for its data folder, XDG_CONFIG_HOME for its settings folder (userData on Linux).
   */
  async launch(binary: string, env: Readonly<Record<string, string>>): Promise<ElectronApplication> {
    const all: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) all[key] = value;
    // why: Chromium refuses to run its sandbox as root (CI containers); the app itself keeps the sandbox on
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const app = await electron.launch({ executablePath: binary, args: [...rootArgs, 'dist/electron/main.cjs'], cwd: root, env: { ...all, ...env } });
    this.ends.push(() => app.close());
    return app;
  }

  /** The test's own server (test/support/web-server.ts), stopped and its folders removed at the end. */
  async server(options: Parameters<typeof startServer>[0] = {}): Promise<AppServer> {
    const server = await startServer(options);
    this.ends.push(async () => {
      await server.stop();
      removeFolders(server);
    });
    return server;
  }

  /** Ends all of it, the last started first. */
  async end(): Promise<void> {
    for (const end of this.ends.splice(0).reverse()) await end();
  }
}
