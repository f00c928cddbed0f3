/** The settings an admin keeps (issue 12): read with their defaults filled in, and saved with an audit entry. */
import type { ProcedureArgs, ProcedureOutput } from '../../shared/contract';
import type { Settings } from '../../shared/schemas';
import { effectiveSettings, type SettingsInput } from '../../shared/settings';
import { formatTag, tagFormatOf } from '../../shared/tag-format';
import { recordAdminChange } from '../admin/audit';
import type { ServiceContext } from '../context';
import type { Sessions } from '../session/sessions';
import { AppError } from '../errors';
import type { StoreReads } from '../store/store';

/** The last asset tag issued, in the store's format; undefined before the first. */
async function lastTag(reads: StoreReads, settings: Settings): Promise<string | undefined> {
  const last = await reads.lastAssetTagNumber();
  return last > 0 ? formatTag(tagFormatOf(settings), last) : undefined;
}

/** What the settings need beyond a service context: the sessions, whose idle limit is a setting (wt-account). */
export interface SettingsContext extends ServiceContext {
  sessions: Sessions;
}

/** The settings in force and the last tag issued (the tag format is fixed once there is one). */
export async function getSettings(ctx: SettingsContext): Promise<ProcedureOutput<'settings.get'>> {
  const settings = await ctx.store.getSettings();
  const last = await lastTag(ctx.store, settings);
  return { settings: effectiveSettings(settings, ctx.sessions.defaultIdleMinutes), ...(last === undefined ? {} : { lastTag: last }) };
}

/**
 * The settings as the audit list compares them: one field per figure ("offerDays.laptop"), defaults filled in,
 * so a save lists exactly the figures a person changed.
 */
function auditView(settings: SettingsInput): Record<string, unknown> {
  const { offerDays, ewasteMaxAgeYears, ...rest } = settings;
  const perCategory = (name: string, values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([c, v]) => [`${name}.${c}`, v]));
  return { ...rest, ...perCategory('offerDays', offerDays), ...perCategory('ewasteMaxAgeYears', ewasteMaxAgeYears) };
}

/**
 * Save the settings: every field as given (the contract checked each), one audit entry listing each changed
 * figure. The tag prefix and width stay as they are once a tag was issued, so every tag keeps one format.
 * @throws TAG_FORMAT_LOCKED naming the last tag issued (nothing saved)
 */
export async function saveSettings(ctx: SettingsContext, input: ProcedureArgs<'settings.save'>): Promise<ProcedureOutput<'settings.save'>> {
  const idleDefault = ctx.sessions.defaultIdleMinutes;
  const { stored, output } = await ctx.store.transaction(async (tx) => {
    const before = await tx.getSettings();
    const format = tagFormatOf(before);
    const changedFormat = { ...(input.tagPrefix === format.prefix ? {} : { tagPrefix: 'tag_format_locked' as const }), ...(input.tagWidth === format.width ? {} : { tagWidth: 'tag_format_locked' as const }) };
    if (Object.keys(changedFormat).length > 0) {
      const last = await lastTag(tx, before);
      if (last !== undefined) throw new AppError('TAG_FORMAT_LOCKED', { lastTag: last }, `tag format fixed since ${last}`, changedFormat);
    }
    // A short name left empty is taken away (the labels then print the organisation's name).
    const { organisationShortName: _short, ...kept } = before;
    const next: Settings = { ...kept, ...input };
    tx.putSettings(next);
    const saved = effectiveSettings(next, idleDefault);
    recordAdminChange(tx, ctx, {
      subject: 'settings',
      subjectId: 'settings',
      subjectName: next.organisationName,
      action: 'changed',
      before: auditView(effectiveSettings(before, idleDefault)),
      after: auditView(saved),
    });
    return { stored: next, output: { settings: saved } };
  });
  // Only once the save is kept: sessions are checked against the new idle time from their next call.
  ctx.sessions.applySettings(stored);
  return output;
}
