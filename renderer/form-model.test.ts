import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../shared/contract';
import { UI_MESSAGES, type MessageKey } from '../shared/i18n';
import { SANITIZATION_FIELDS } from './components/SanitizationForm';
import {
  checkForm,
  firstInOrder,
  initialValues,
  mergeErrors,
  placeErrors,
  requiredPaths,
  schemaAt,
  stillCurrent,
  type FormValues,
} from './form-model';
import { REPORT_FIELDS } from './screens/ReportDevice';
import { LABEL_PRINT_FIELDS } from './use-label-print';

const da = { locale: 'da' as const, t: (k: MessageKey) => UI_MESSAGES.da[k] };
const en = { locale: 'en' as const, t: (k: MessageKey) => UI_MESSAGES.en[k] };
const reportSchema = contract['devices.report'].input;
const reportPaths = Object.keys(REPORT_FIELDS);

function report(values: Partial<FormValues<typeof REPORT_FIELDS>>): FormValues<typeof REPORT_FIELDS> {
  return { ...initialValues(REPORT_FIELDS), ...values };
}
const filled = { category: 'laptop', manufacturer: 'Lenovo', model: 'T14', serial: 'SN-1', locationId: 'dep-buf-site-1' };

describe('required fields come from the contract', () => {
  it('marks what devices.report cannot do without, and nothing with a default or optional', () => {
    expect([...requiredPaths(reportSchema)].sort()).toEqual(['category', 'locationId', 'manufacturer', 'model', 'serial']);
  });

  it('marks every field of a sanitization record but the notes', () => {
    expect([...requiredPaths(contract['devices.recordSanitization'].input)].sort()).toEqual(
      ['deviceId', 'mediaType', 'method', 'technique', 'tool', 'toolVersion', 'verificationMethod', 'verified', 'verifierName'].sort(),
    );
  });

  it("marks the fields inside setup's groups, which are read as empty when left out", () => {
    expect([...requiredPaths(contract['setup.initialize'].input)].sort()).toEqual(
      ['admin', 'admin.email', 'admin.name', 'department', 'department.code', 'department.name', 'department.nameEn', 'organisationName', 'warehouse', 'warehouse.name'].sort(),
    );
  });

  it('does not require a field inside an optional object, but does inside a required one', () => {
    const schema = z.object({
      name: z.string(),
      address: z.object({ street: z.string() }).optional(),
      contact: z.object({ phone: z.string(), email: z.string().optional() }),
    });
    expect([...requiredPaths(schema)].sort()).toEqual(['contact', 'contact.phone', 'name']);
  });

  it('finds every field of both forms in its procedure input, and no made-up path', () => {
    for (const path of reportPaths) expect(schemaAt(reportSchema, path), path).toBeDefined();
    for (const path of Object.keys(SANITIZATION_FIELDS)) expect(schemaAt(contract['devices.recordSanitization'].input, path), path).toBeDefined();
    expect(schemaAt(reportSchema, 'specs.ramGB')).toBeUndefined();
    expect(schemaAt(reportSchema, 'category.x')).toBeUndefined();
  });
});

describe('checking a form with the contract schema', () => {
  it('refuses an empty report with "Skal udfyldes." at exactly the required fields', () => {
    const { input, errors } = checkForm(reportSchema, REPORT_FIELDS, report({}), da);
    expect(input).toBeUndefined();
    expect(errors).toEqual({
      category: 'Skal udfyldes.',
      manufacturer: 'Skal udfyldes.',
      model: 'Skal udfyldes.',
      serial: 'Skal udfyldes.',
      locationId: 'Skal udfyldes.',
    });
  });

  it('says it in English too', () => {
    expect(checkForm(reportSchema, REPORT_FIELDS, report({ ...filled, model: '  ' }), en).errors).toEqual({ model: 'Required.' });
  });

  it('builds the input the core gets: trimmed texts, nested specs, Danish decimal commas, empty fields left out', () => {
    const { input, errors } = checkForm(
      reportSchema,
      REPORT_FIELDS,
      report({ ...filled, manufacturer: ' Lenovo ', 'specs.ramGb': '16', 'specs.screenInch': '13,3', 'specs.storageType': 'ssd', weightKg: '1,45', dataBearing: 'no' }),
      { ...da, extra: { departmentId: undefined } },
    );
    expect(errors).toEqual({});
    expect(input).toEqual({
      category: 'laptop',
      manufacturer: 'Lenovo',
      model: 'T14',
      serial: 'SN-1',
      locationId: 'dep-buf-site-1',
      specs: { ramGb: 16, screenInch: 13.3, storageType: 'ssd' },
      weightKg: 1.45,
      dataBearing: false,
    });
    // "Følg kategori" sends no data-bearing flag at all: the core derives it from the category.
    expect(checkForm(reportSchema, REPORT_FIELDS, report(filled), da).input).not.toHaveProperty('dataBearing');
  });

  it('says which number is not a number, in the words of the UI', () => {
    const { errors } = checkForm(reportSchema, REPORT_FIELDS, report({ ...filled, 'specs.screenInch': '13 tommer', 'specs.ramGb': '15,5' }), da);
    expect(errors).toEqual({ 'specs.screenInch': 'Skriv et tal, fx 13,3.', 'specs.ramGb': 'Skriv et helt tal.' });
  });

  it('gives the server’s words for what only the schema knows: ranges and the asset tag format', () => {
    const { errors } = checkForm(reportSchema, REPORT_FIELDS, report({ ...filled, 'specs.ramGb': '99999', year: '1980', assetTag: 'KK-12' }), da);
    expect(errors).toEqual({
      'specs.ramGb': 'For stor eller for lang (højst 4096).',
      year: 'For lille eller for kort (mindst 1990).',
      assetTag: 'Inventarnummeret skal have formen KK-0001234.',
    });
    expect(checkForm(reportSchema, REPORT_FIELDS, report({ ...filled, assetTag: 'kk-12' }), en).errors).toEqual({
      assetTag: 'The asset tag must look like KK-0001234.',
    });
  });

  it('sends an unticked checkbox as false and never asks for it', () => {
    const values = {
      ...initialValues(SANITIZATION_FIELDS),
      method: 'purge',
      technique: 'Crypto erase',
      mediaType: 'ssd',
      tool: 'Blancco',
      toolVersion: '7.1',
      verificationMethod: 'full',
      verifierName: 'Ida',
    };
    const schema = contract['devices.recordSanitization'].input;
    const ok = checkForm(schema, SANITIZATION_FIELDS, values, { ...da, extra: { deviceId: 'd-1' } });
    expect(ok.errors).toEqual({});
    expect(ok.input).toMatchObject({ deviceId: 'd-1', verified: false });
    // Without the page's device id the input is incomplete; the error names the path (it has no field).
    expect(checkForm(schema, SANITIZATION_FIELDS, values, da).errors).toEqual({ deviceId: 'Skal udfyldes.' });
  });

  it('refuses what a rule outside the schema refuses, in the rule’s words, also where the schema has its own', () => {
    const schema = contract['labels.pdf'].input;
    const values = { stock: 'avery-l7160', start: '22' };
    const ruled = { start: 'Der er ingen mærkat nr. 22 på Avery L7160.' };
    expect(checkForm(schema, LABEL_PRINT_FIELDS, values, { ...da, extra: { tags: ['KK-0000001'] } }).input).toMatchObject({ start: 22 });
    const refused = checkForm(schema, LABEL_PRINT_FIELDS, values, { ...da, extra: { tags: ['KK-0000001'] }, ruled });
    expect(refused).toEqual({ errors: ruled });
    const both = checkForm(schema, LABEL_PRINT_FIELDS, { ...values, start: '0' }, { ...da, extra: { tags: ['KK-0000001'] }, ruled });
    expect(both.errors).toEqual(ruled);
  });
});

describe('placing errors at fields', () => {
  it('puts a server error at its field, an alias at its stand-in, an object’s error at its first field', () => {
    const { placed, unplaced } = placeErrors(
      { assetTag: 'Inventarnummeret er allerede i brug.', departmentId: 'Vælg en lokation i din egen forvaltning.', specs: 'Ukendte felter.' },
      reportPaths,
      { departmentId: 'locationId' },
    );
    expect(placed).toEqual({
      assetTag: 'Inventarnummeret er allerede i brug.',
      locationId: 'Vælg en lokation i din egen forvaltning.',
      'specs.cpu': 'Ukendte felter.',
    });
    expect(unplaced).toEqual([]);
  });

  it('puts an error below a field at that field, and keeps for the summary what has no field or meets a taken one', () => {
    const { placed, unplaced } = placeErrors({ 'specs.ramGb.extra': 'Ugyldig værdi.', deviceId: 'Skal udfyldes.', locationId: 'A', departmentId: 'B' }, reportPaths, {
      departmentId: 'locationId',
    });
    expect(placed).toEqual({ 'specs.ramGb': 'Ugyldig værdi.', locationId: 'A' });
    expect(unplaced).toEqual([
      { path: 'deviceId', message: 'Skal udfyldes.' },
      { path: 'departmentId', message: 'B' },
    ]);
  });
});

describe('client and server errors together', () => {
  it('keeps the server’s "already in use" while the asset tag is unchanged, and drops it once it is changed', () => {
    const seen = report({ ...filled, assetTag: 'KK-0000001' });
    const server = { assetTag: 'Inventarnummeret er allerede i brug.' };
    expect(stillCurrent(server, seen, { ...seen, model: '' })).toEqual(server);
    expect(stillCurrent(server, seen, { ...seen, assetTag: 'KK-0000002' })).toEqual({});
  });

  it('shows the client’s error where both name the same field', () => {
    expect(mergeErrors({ assetTag: 'Skal udfyldes.' }, { assetTag: 'Inventarnummeret er allerede i brug.', model: 'X' })).toEqual({
      assetTag: 'Skal udfyldes.',
      model: 'X',
    });
  });

  it('focuses the first field in page order, whatever order the errors came in', () => {
    expect(firstInOrder(reportPaths, { notes: 'x', locationId: 'y', 'specs.ramGb': 'z' })).toBe('specs.ramGb');
    expect(firstInOrder(reportPaths, { deviceId: 'x' })).toBeUndefined();
  });
});
