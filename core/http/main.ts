/**
 * `npm run web`: the same UI and API over HTTP, on 127.0.0.1 only.
 * PORT, KREDSLOB_DATA_DIR, KREDSLOB_WEB_SECRET (instead of a random secret), KREDSLOB_SESSION_IDLE_MINUTES
 * (default 480) and KREDSLOB_NO_OPEN=1 or --no-open (do not open a browser) are honoured.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../app';
import { envTrailKeySource } from '../store/trail-key';
import { translate } from '../../shared/i18n';
import { locale, reportStartFailure, serveCore, sessionIdleMs, StartupProblem, stopOnSignal } from './startup';

function webSecret(): string {
  const given = process.env.KREDSLOB_WEB_SECRET;
  if (given === undefined || given === '') return randomBytes(32).toString('base64url');
  // why these characters: the secret travels in a URL, a header and a cookie without any escaping
  if (!/^[A-Za-z0-9_-]{16,}$/.test(given)) throw new StartupProblem(translate(locale, 'web.badSecret'));
  return given;
}

/**
 * Opens the link in the person's browser, never failing. The browser gets a private file that forwards to the
 * link, not the link itself: a command line is visible to every user of the PC, the file only to its owner.
 */
function openInBrowser(link: string): (() => void) | undefined {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return undefined;
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-open-'));
    const file = path.join(dir, 'open.html');
    const html = `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${link}"><title>Kredsløb</title>`;
    fs.writeFileSync(file, html, { mode: 0o600 });
    const [command, args] =
      process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', file]] : [process.platform === 'darwin' ? 'open' : 'xdg-open', [file]];
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no browser: the printed link is enough
    child.unref();
    return () => fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const port = Number.parseInt(process.env.PORT ?? '5299', 10);
  const dataDir = path.resolve(process.env.KREDSLOB_DATA_DIR ?? path.join(process.cwd(), '.data', 'web'));
  const secret = webSecret();
  const idleMs = sessionIdleMs();
  const { server, core } = await serveCore({
    http: { secret },
    port,
    host: '127.0.0.1',
    hint: 'web',
    start: () => startCore({ dataDir, demo: process.env.KREDSLOB_DEMO !== '0', sessionIdleMs: idleMs, trailKey: envTrailKeySource(dataDir) }),
  });
  const link = `http://127.0.0.1:${port}/?secret=${secret}`;
  console.log(translate(locale, 'web.listening', { port, dir: dataDir }));
  console.log(link);
  const noOpen = process.argv.includes('--no-open') || process.env.KREDSLOB_NO_OPEN === '1';
  const cleanUp = noOpen ? undefined : openInBrowser(link);
  stopOnSignal(server, core, cleanUp);
}

main().catch(reportStartFailure);
