/**
 * `npm run labels -- --data-dir DIR --stock ID (--new N | --tags KK-…,KK-…) [--start K] --out FILE.pdf`
 * Writes QR label sheets through the same service functions as the app: `--new N` allocates N new tags
 * for pre-printed labels (never issued before, never again), `--tags` prints existing tags again.
 * Exit code 0 when the PDF is written, 2 for bad options (a malformed tag too) or a store that cannot be
 * opened, 1 for anything else that fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPositionProblem } from '../../shared/labels/layout';
import { STOCK_IDS, STOCKS, isStockId } from '../../shared/labels/stocks';
import { HTTP_STATUS } from '../../shared/errors';
import { errorMessage } from '../../shared/messages';
import { SYSTEM_ACTOR, systemClock, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { labelSheet } from '../labels/service';
import { allocateTags } from '../tags/service';
import { FileStore } from '../store/file/file-store';

const USAGE =
  'Usage: npm run labels -- --data-dir DIR --stock ID (--new N | --tags KK-…,KK-…) [--start K] --out FILE.pdf';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

interface Options {
  dir: string;
  stock: (typeof STOCK_IDS)[number];
  newCount: number | undefined;
  tags: string[] | undefined;
  start: number;
  out: string;
}

/** The options, or one line naming what is wrong and exit code 2. */
function readOptions(): Options {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        stock: { type: 'string' },
        new: { type: 'string' },
        tags: { type: 'string' },
        start: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(`${err instanceof Error ? err.message : String(err)}. ${USAGE}`);
  }
  const dir = values['data-dir'] ?? process.env.KREDSLOB_DATA_DIR;
  if (!dir) fail(`Give --data-dir (or set KREDSLOB_DATA_DIR). ${USAGE}`);
  const stock = values.stock;
  if (!stock || !isStockId(stock)) fail(`${stock ? `Unknown --stock ${stock}` : 'Give --stock'}: one of ${STOCK_IDS.join(', ')}.`);
  if ((values.new === undefined) === (values.tags === undefined)) fail(`Give either --new N or --tags KK-…,KK-…, not both or neither. ${USAGE}`);
  let newCount: number | undefined;
  if (values.new !== undefined) {
    newCount = Number(values.new);
    if (!/^\d+$/.test(values.new) || newCount < 1 || newCount > 1000) fail(`--new must be a whole number from 1 to 1000, not "${values.new}".`);
  }
  const tags = values.tags?.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (tags !== undefined && tags.length === 0) fail('--tags lists no tags.');
  if (tags !== undefined && tags.length > 1000) fail(`--tags lists ${tags.length} tags; at most 1000 per run.`);
  const start = values.start === undefined ? 1 : Number(values.start);
  const startProblem = startPositionProblem(STOCKS[stock], start);
  // Checked before any tag is allocated, so a typo does not use up numbers.
  if (startProblem || (values.start !== undefined && !/^\d+$/.test(values.start))) {
    fail(`--start ${values.start ?? ''} does not fit ${STOCKS[stock].name}: ${startProblem ?? 'a whole number is needed'}.`);
  }
  if (!values.out) fail(`Give --out FILE.pdf. ${USAGE}`);
  const out = path.resolve(values.out);
  if (!fs.existsSync(path.dirname(out))) fail(`The folder for --out does not exist: ${path.dirname(out)}`);
  return { dir: path.resolve(dir), stock, newCount, tags, start, out };
}

const options = readOptions();
let store: FileStore;
try {
  store = await FileStore.open(options.dir);
} catch (err) {
  if (err instanceof AppError && err.code === 'STORE_LOCKED') {
    fail(`${options.dir} is open in Kredsløb. Close the app first, or print the labels from the app.`);
  }
  fail(`Could not open ${options.dir}: ${err instanceof Error ? err.message : String(err)}`);
}

try {
  const ctx: ServiceContext = { store, clock: systemClock, actor: SYSTEM_ACTOR };
  let tags = options.tags;
  if (options.newCount !== undefined) {
    tags = (await allocateTags(ctx, { count: options.newCount })).tags;
    console.log(`Allocated ${tags.length} new tag(s): ${tags[0]} – ${tags[tags.length - 1]}.`);
  }
  const sheet = await labelSheet(ctx, { stock: options.stock, start: options.start, tags });
  fs.writeFileSync(options.out, sheet.bytes);
  const pages = `${sheet.pages} page${sheet.pages === 1 ? '' : 's'}`;
  console.log(`Wrote ${sheet.labels} label(s) on ${pages} of ${STOCKS[options.stock].name} to ${options.out}. Print at 100 % (actual size).`);
} catch (err) {
  console.error(err instanceof AppError ? errorMessage(err.code, err.params, 'en') : `Labels failed: ${err instanceof Error ? err.message : String(err)}`);
  // A malformed --tags entry is a bad option like any other; anything else was refused or failed.
  process.exitCode = err instanceof AppError && HTTP_STATUS[err.code] === 400 ? 2 : 1;
} finally {
  await store.close();
}
