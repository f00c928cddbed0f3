/** `npm run web`: the same UI and API over HTTP, on 127.0.0.1 only. PORT and KREDSLOB_DATA_DIR honoured. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../app';
import { createHttpServer } from './server';
import { AppError } from '../errors';
import { errorMessage, toLocale } from '../../shared/messages';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const port = Number.parseInt(process.env.PORT ?? '5299', 10);
  const dataDir = path.resolve(process.env.KREDSLOB_DATA_DIR ?? path.join(process.cwd(), '.data', 'web'));
  const staticDir = process.env.KREDSLOB_STATIC_DIR ?? path.resolve(here, '../../dist/renderer');
  const core = await startCore({ dataDir, demo: process.env.KREDSLOB_DEMO !== '0' });
  const server = createHttpServer({ dispatch: core.dispatch, files: core.files, staticDir });
  server.listen(port, '127.0.0.1', () => {
    console.log(`Kredsløb on http://127.0.0.1:${port}/ (data: ${dataDir})`);
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void core.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // The terminal's language (LANG, e.g. da_DK.UTF-8 or en_GB.UTF-8) picks the message's language.
  const locale = toLocale(process.env.LANG);
  if (err instanceof AppError) console.error(`Kredsløb: ${errorMessage(err.code, err.params, locale)}`);
  else console.error(`Kredsløb: ${errorMessage('INTERNAL', {}, locale)}`, err);
  process.exit(1);
});
