/**
 * Message catalogue for errors, Danish first. Services raise codes with parameters; the transport turns
 * them into a sentence in the caller's language, so every message a person sees comes from here.
 */
import type { ErrorCode } from './errors';

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Params = Record<string, string | number | undefined>;
type Catalogue = Record<ErrorCode, (p: Params) => string>;

const ENTITY_DA: Record<string, string> = {
  device: 'Enheden',
  reservation: 'Reservationen',
  user: 'Brugeren',
  location: 'Lokationen',
  department: 'Forvaltningen',
  sanitization: 'Sletningsdokumentationen',
};
const ENTITY_EN: Record<string, string> = {
  device: 'The device',
  reservation: 'The reservation',
  user: 'The user',
  location: 'The location',
  department: 'The administration',
  sanitization: 'The sanitization record',
};

const STATUS_DA: Record<string, string> = {
  reported: 'Anmeldt',
  in_stock: 'På lager',
  listed: 'På genbrugsbørsen',
  reserved: 'Reserveret',
  reused: 'Genbrugt',
  ewaste_queued: 'Til elektronikaffald',
  in_batch: 'I affaldsparti',
  collected: 'Afhentet',
  certified: 'Dokumenteret',
  recycled: 'Genanvendt',
  destroyed: 'Destrueret',
};
const STATUS_EN: Record<string, string> = {
  reported: 'Reported',
  in_stock: 'In stock',
  listed: 'On the marketplace',
  reserved: 'Reserved',
  reused: 'Reused',
  ewaste_queued: 'Routed to e-waste',
  in_batch: 'In a batch',
  collected: 'Collected',
  certified: 'Certified',
  recycled: 'Recycled',
  destroyed: 'Destroyed',
};
const ACTION_DA: Record<string, string> = {
  checkIn: 'Modtag på lager',
  recordSanitization: 'Registrér datasletning',
  publish: 'Sæt på genbrugsbørsen',
  unpublish: 'Tag af genbrugsbørsen',
  reserve: 'Reservér',
  cancelReservation: 'Annullér reservation',
  expireReservation: 'Udløb af reservation',
  handOver: 'Udlevér',
  reportAgain: 'Anmeld overskud igen',
  routeToEwaste: 'Send til elektronikaffald',
};
const ACTION_EN: Record<string, string> = {
  checkIn: 'Check in',
  recordSanitization: 'Record data sanitization',
  publish: 'Put on marketplace',
  unpublish: 'Take off marketplace',
  reserve: 'Reserve',
  cancelReservation: 'Cancel reservation',
  expireReservation: 'Reservation expiry',
  handOver: 'Hand over',
  reportAgain: 'Report surplus again',
  routeToEwaste: 'Route to e-waste',
};
const lbl = (m: Record<string, string>, k: unknown) => m[String(k)] ?? String(k ?? '');

const da: Catalogue = {
  VALIDATION: () => 'Nogle felter er ikke udfyldt korrekt. Ret de markerede felter.',
  BAD_JSON: () => 'Forespørgslen kunne ikke læses (ugyldig JSON).',
  PAYLOAD_TOO_LARGE: (p) => `Forespørgslen er for stor (højst ${p.limit ?? '1 MB'}).`,
  UNKNOWN_PROCEDURE: (p) => `Ukendt handling: ${p.procedure ?? ''}.`,
  UNAUTHENTICATED: () => 'Vælg din profil, før du fortsætter.',
  FORBIDDEN: (p) => `Din rolle må ikke udføre denne handling (${p.procedure ?? ''}).`,
  NOT_FOUND: (p) => `${ENTITY_DA[String(p.entity)] ?? 'Posten'} blev ikke fundet${p.key ? `: ${p.key}` : ''}.`,
  ASSET_TAG_TAKEN: (p) => `Inventarnummeret ${p.assetTag ?? ''} er allerede brugt af en anden enhed.`,
  TRANSITION_NOT_ALLOWED: (p) =>
    `"${lbl(ACTION_DA, p.action)}" er ikke mulig for ${p.assetTag ?? 'enheden'}, da den har status "${lbl(STATUS_DA, p.status)}".`,
  ROLE_NOT_ALLOWED: (p) => `Din rolle må ikke udføre "${lbl(ACTION_DA, p.action)}".`,
  SANITIZATION_REQUIRED: (p) =>
    `${p.assetTag ?? 'Enheden'} indeholder data og er ikke datasletningsdokumenteret. Registrér en datasletning (NIST SP 800-88) først.`,
  SANITIZATION_NOT_VERIFIED: (p) =>
    `Datasletningen af ${p.assetTag ?? 'enheden'} er ikke verificeret. Registrér en verificeret datasletning først.`,
  CONDITION_REQUIRED: (p) => `${p.assetTag ?? 'Enheden'} skal have en stand (A–D), før den kan sættes på genbrugsbørsen.`,
  NOT_OWN_DEPARTMENT: () => 'Du kan kun handle på vegne af din egen forvaltning.',
  DATA_BEARING_OVERRIDE: () =>
    'Kun IT-lageret kan angive, at udstyr af denne kategori ikke indeholder data. Anmeld enheden som dataholdig; lageret vurderer den ved modtagelsen.',
  RESERVED_BY_OTHER: (p) => `${p.assetTag ?? 'Enheden'} er allerede reserveret af ${p.department ?? 'en anden forvaltning'}.`,
  NOT_A_WAREHOUSE_LOCATION: (p) => `${p.location ?? 'Lokationen'} er ikke en hylde eller et lager.`,
  STORE_LOCKED: (p) => `Datamappen ${p.dir ?? ''} er allerede åben i et andet Kredsløb-vindue eller -program.`,
  ASSET_TAG_MALFORMED: (p) =>
    `"${p.assetTag ?? ''}" er ikke et inventarnummer. Et inventarnummer har formen KK-0001234.${Number(p.count) > 1 ? ` ${p.count} af numrene er forkerte.` : ''}`,
  LABEL_START_OUT_OF_RANGE: (p) =>
    Number(p.max) === 1
      ? `${p.stock ?? 'Printeren'} udskriver én mærkat ad gangen, så startnummeret skal være 1.`
      : `${p.stock ?? 'Arket'} har ${p.max ?? ''} mærkater pr. ark, så der er ingen mærkat nr. ${p.start ?? ''}. Vælg et startnummer fra 1 til ${p.max ?? ''}.`,
  INTERNAL: () => 'Der skete en uventet fejl. Intet blev gemt. Prøv igen, eller kontakt IT.',
};

const en: Catalogue = {
  VALIDATION: () => 'Some fields are not filled in correctly. Correct the marked fields.',
  BAD_JSON: () => 'The request could not be read (invalid JSON).',
  PAYLOAD_TOO_LARGE: (p) => `The request is too large (at most ${p.limit ?? '1 MB'}).`,
  UNKNOWN_PROCEDURE: (p) => `Unknown procedure: ${p.procedure ?? ''}.`,
  UNAUTHENTICATED: () => 'Choose your profile before you continue.',
  FORBIDDEN: (p) => `Your role may not do this (${p.procedure ?? ''}).`,
  NOT_FOUND: (p) => `${ENTITY_EN[String(p.entity)] ?? 'The record'} was not found${p.key ? `: ${p.key}` : ''}.`,
  ASSET_TAG_TAKEN: (p) => `Asset tag ${p.assetTag ?? ''} is already used by another device.`,
  TRANSITION_NOT_ALLOWED: (p) =>
    `"${lbl(ACTION_EN, p.action)}" is not possible for ${p.assetTag ?? 'the device'} while it is "${lbl(STATUS_EN, p.status)}".`,
  ROLE_NOT_ALLOWED: (p) => `Your role may not do "${lbl(ACTION_EN, p.action)}".`,
  SANITIZATION_REQUIRED: (p) =>
    `${p.assetTag ?? 'The device'} is data-bearing and has no sanitization record. Record a data sanitization (NIST SP 800-88) first.`,
  SANITIZATION_NOT_VERIFIED: (p) =>
    `The sanitization of ${p.assetTag ?? 'the device'} is not verified. Record a verified sanitization first.`,
  CONDITION_REQUIRED: (p) => `${p.assetTag ?? 'The device'} needs a condition grade (A–D) before it can go on the marketplace.`,
  NOT_OWN_DEPARTMENT: () => 'You can only act for your own administration.',
  DATA_BEARING_OVERRIDE: () =>
    'Only the warehouse can state that a device of this category carries no data. Report it as data-bearing; the warehouse assesses it at check-in.',
  RESERVED_BY_OTHER: (p) => `${p.assetTag ?? 'The device'} is already reserved by ${p.department ?? 'another administration'}.`,
  NOT_A_WAREHOUSE_LOCATION: (p) => `${p.location ?? 'The location'} is not a shelf or a warehouse.`,
  STORE_LOCKED: (p) => `The data folder ${p.dir ?? ''} is already open in another Kredsløb window or program.`,
  ASSET_TAG_MALFORMED: (p) =>
    `"${p.assetTag ?? ''}" is not an asset tag. An asset tag looks like KK-0001234.${Number(p.count) > 1 ? ` ${p.count} of the tags are wrong.` : ''}`,
  LABEL_START_OUT_OF_RANGE: (p) =>
    Number(p.max) === 1
      ? `${p.stock ?? 'The printer'} prints one label at a time, so the start must be 1.`
      : `${p.stock ?? 'The sheet'} has ${p.max ?? ''} labels per sheet, so there is no label no. ${p.start ?? ''}. Choose a start from 1 to ${p.max ?? ''}.`,
  INTERNAL: () => 'Something unexpected went wrong. Nothing was saved. Try again or contact IT.',
};

const CATALOGUES: Record<Locale, Catalogue> = { da, en };

export function errorMessage(code: ErrorCode, params: Params, locale: Locale): string {
  return CATALOGUES[locale][code](params);
}

/** A short field message from a zod issue code (and its detail), in the caller's language. */
export function fieldMessage(
  issue: { code: string; message?: string; minimum?: number | bigint; maximum?: number | bigint; expected?: string; input?: unknown },
  locale: Locale,
): string {
  const d = locale === 'da';
  if (issue.message === 'asset_tag_format')
    return d ? 'Inventarnummeret skal have formen KK-0001234.' : 'The asset tag must look like KK-0001234.';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && (issue.message ?? '').includes('received undefined'))
        return d ? 'Skal udfyldes.' : 'Required.';
      return d ? `Forkert type (forventede ${issue.expected ?? 'en anden værdi'}).` : `Wrong type (expected ${issue.expected ?? 'another value'}).`;
    case 'too_small':
      return d ? `For lille eller for kort (mindst ${String(issue.minimum)}).` : `Too small or too short (at least ${String(issue.minimum)}).`;
    case 'too_big':
      return d ? `For stor eller for lang (højst ${String(issue.maximum)}).` : `Too large or too long (at most ${String(issue.maximum)}).`;
    case 'invalid_value':
    case 'invalid_enum_value':
      return d ? 'Vælg en af de tilladte værdier.' : 'Choose one of the allowed values.';
    case 'invalid_format':
    case 'invalid_string':
      return d ? 'Ugyldigt format.' : 'Invalid format.';
    case 'unrecognized_keys':
      return d ? 'Ukendte felter.' : 'Unknown fields.';
    default:
      return d ? 'Ugyldig værdi.' : 'Invalid value.';
  }
}

/** Field messages a service names by key (AppError.fields values); the transport localizes them. */
const FIELD_TEXT: Record<string, Record<Locale, string>> = {
  own_department_site: { da: 'Vælg en lokation i din egen forvaltning.', en: 'Choose a location of your own administration.' },
  choose_shelf: { da: 'Vælg en hylde eller et lager.', en: 'Choose a shelf or a warehouse.' },
  asset_tag_taken: { da: 'Inventarnummeret er allerede i brug.', en: 'The asset tag is already in use.' },
  data_bearing_lowered: {
    da: 'Kun IT-lageret kan angive, at denne kategori ikke indeholder data.',
    en: 'Only the warehouse can state that this category carries no data.',
  },
};

export function fieldText(keyOrText: string, locale: Locale): string {
  return FIELD_TEXT[keyOrText]?.[locale] ?? keyOrText;
}
