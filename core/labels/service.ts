/**
 * QR labels: render label sheets for devices or for tags (pre-printed ones come from core/tags). Plain async functions over the
 * store; the handlers and the `npm run labels` command call the same ones.
 */
import type { ProcedureArgs } from '../../shared/contract';
import { startPositionProblem } from '../../shared/labels/layout';
import { tagsFromScans } from '../tags/service';
import { STOCKS, labelsPerPage } from '../../shared/labels/stocks';
import type { ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { renderLabelPdf, type LabelPdf } from './pdf';

/** The devices' tags, in the order asked for. @throws NOT_FOUND naming the unknown ids */
async function tagsOfDevices(ctx: ServiceContext, ids: readonly string[]): Promise<string[]> {
  const devices = await Promise.all(ids.map((id) => ctx.store.getDevice(id)));
  const missing = ids.filter((_, i) => devices[i] === undefined);
  if (missing.length > 0) {
    const more = missing.length > 3 ? ` (+${missing.length - 3})` : '';
    throw notFound('device', `${missing.slice(0, 3).join(', ')}${more}`);
  }
  return devices.map((d) => d?.assetTag ?? '');
}

export type LabelSheetInput = ProcedureArgs<'labels.pdf'>;

/**
 * The labels for existing devices or for tags (pre-printed, reprinted) as one PDF on the chosen stock,
 * with the organisation's short name and the QR payload form from the settings.
 * @throws LABEL_START_OUT_OF_RANGE, ASSET_TAG_MALFORMED, NOT_FOUND
 */
export async function labelSheet(ctx: ServiceContext, input: LabelSheetInput): Promise<LabelPdf & { labels: number }> {
  const stock = STOCKS[input.stock];
  if (startPositionProblem(stock, input.start)) {
    const params = { stock: stock.name, start: input.start, max: labelsPerPage(stock) };
    throw new AppError('LABEL_START_OUT_OF_RANGE', params, undefined, { start: 'label_start' });
  }
  const tags = input.tags ? await tagsFromScans(ctx.store, input.tags) : await tagsOfDevices(ctx, input.deviceIds ?? []);
  const settings = await ctx.store.getSettings();
  const range = tags.length === 1 ? tags[0] : `${tags[0]} – ${tags[tags.length - 1]}`;
  const pdf = await renderLabelPdf({
    stock,
    tags,
    start: input.start,
    organisation: settings.organisationShortName ?? settings.organisationName,
    payload: settings.labelPayload ?? 'tag',
    title: `Kredsløb ${range} (${stock.name})`,
  });
  return { ...pdf, labels: tags.length };
}
