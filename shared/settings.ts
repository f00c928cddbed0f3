/**
 * The settings as the settings screen edits them (issue 12): every figure in force, with the default filled in
 * where the stored settings name none, and the input settings.save takes. Runs anywhere.
 */
import { z } from 'zod';
import { CATEGORY_FACTS } from './categories';
import { DEFAULT_STOCK, STOCK_IDS } from './labels/stocks';
import { CATEGORIES, Department, Location, perCategory, SESSION_IDLE_MINUTES_DEFAULT, Settings, TAG_PAYLOAD_FORMS, User, type Category } from './schemas';
import { tagFormatOf } from './tag-format';
import { offerDaysFor } from './wanted';

const byCategory = <T>(value: (c: Category) => T) => Object.fromEntries(CATEGORIES.map((c) => [c, value(c)])) as Record<Category, T>; // why: one entry per category, built from CATEGORIES

/** The organisation's names, as setup and the settings screen take them. */
const organisationFields = {
  organisationName: z.string().trim().min(1).max(200),
  organisationShortName: Settings.shape.organisationShortName,
};

/** settings.save's input: every editable setting, each by the stored settings' own rule (the tag prefix upper-cased). */
export const SettingsInput = z
  .object({
    reservationDays: Settings.shape.reservationDays,
    offerDays: perCategory(z.number().int().min(1).max(3650)),
    ewasteMaxAgeYears: perCategory(z.number().int().min(1).max(50)),
    ...organisationFields,
    labelPayload: z.enum(TAG_PAYLOAD_FORMS),
    labelStock: z.enum(STOCK_IDS),
    tagPrefix: z.string().trim().toUpperCase().pipe(Settings.shape.tagPrefix.unwrap()),
    tagWidth: Settings.shape.tagWidth.unwrap(),
    // Session idle time (issue 13, wt-account): left out, the stored figure stays (standalone mode does not show it).
    sessionIdleMinutes: Settings.shape.sessionIdleMinutes,
  })
  .strict();
export type SettingsInput = z.infer<typeof SettingsInput>;

/**
 * What the settings screen starts from: the figures in force (a stored figure, else its default). The session idle
 * time's default is the server's (its environment), so the core gives it.
 */
export function effectiveSettings(settings: Settings, defaultIdleMinutes = SESSION_IDLE_MINUTES_DEFAULT): SettingsInput {
  const format = tagFormatOf(settings);
  return {
    reservationDays: settings.reservationDays,
    offerDays: byCategory((c) => offerDaysFor(settings, c)),
    ewasteMaxAgeYears: byCategory((c) => settings.ewasteMaxAgeYears?.[c] ?? CATEGORY_FACTS[c].ewasteAfterYears),
    organisationName: settings.organisationName,
    ...(settings.organisationShortName === undefined ? {} : { organisationShortName: settings.organisationShortName }),
    labelPayload: settings.labelPayload ?? 'tag',
    labelStock: settings.labelStock ?? DEFAULT_STOCK,
    tagPrefix: format.prefix,
    tagWidth: format.width,
    sessionIdleMinutes: settings.sessionIdleMinutes ?? defaultIdleMinutes,
  };
}

/** A group of fields (strict) that, left out, is checked as empty: each missing field is named, not the group. */
function group<S extends z.ZodType<object>>(schema: S) {
  return schema.prefault({} as z.input<S>); // why: {} is only a start value; the schema itself checks it and names every missing field
}

/**
 * setup.initialize's input: the organisation, the first admin with their administration, and the warehouse. A
 * group left out is read as empty (prefault), so what is missing is named field by field ("department.code").
 */
export const SetupInput = z
  .object({
    /** Shared mode (issue 13): the code the server printed when it started empty; standalone leaves it out. */
    setupCode: z.string().trim().max(64).optional(),
    ...organisationFields,
    department: group(
      z.object({
        code: z.string().trim().toUpperCase().pipe(Department.shape.code),
        name: z.string().trim().pipe(Department.shape.name),
        nameEn: z.string().trim().pipe(Department.shape.nameEn),
      }).strict(),
    ),
    admin: group(
      z
        .object({
          name: z.string().trim().pipe(User.shape.name),
          email: z.string().trim().pipe(User.shape.email),
          /** Shared mode (issue 13, wt-auth): the first admin's password, so they can sign in; standalone leaves it out. */
          password: z.string().max(1024).optional(),
        })
        .strict(),
    ),
    warehouse: group(
      z.object({
        name: z.string().trim().pipe(Location.shape.name),
        address: z.string().trim().min(1).pipe(Location.shape.address.unwrap()).optional(),
      }).strict(),
    ),
  })
  .strict();
export type SetupInput = z.infer<typeof SetupInput>;
