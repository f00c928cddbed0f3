/** Anmeld overskud: a department IT contact registers a surplus device waiting at one of their sites. */
import { useMemo, useState, type FormEvent } from 'react';
import type { ProcedureInput } from '../../shared/contract';
import { isDataBearingCategory } from '../../shared/data-bearing';
import type { MessageKey } from '../../shared/i18n';
import { CATEGORIES, type Category, type Device, type Location, type Specs } from '../../shared/schemas';
import { client, errorFields, errorText } from '../api/instance';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { fieldA11y, focusField, parseDecimal, parseInteger, type FieldErrors } from '../form-errors';
import { useI18n } from '../i18n';
import { categoryKey, storageKey } from '../labels';
import { useReference } from '../reference-context';
import { devicePath, href } from '../router';
import { useUser } from '../session-context';

const STORAGE_TYPES = ['ssd', 'hdd', 'emmc', 'none'] as const;

interface Values {
  category: string;
  manufacturer: string;
  model: string;
  serial: string;
  cpu: string;
  ramGb: string;
  storageGb: string;
  storageType: string;
  screenInch: string;
  weightKg: string;
  year: string;
  dataBearing: 'follow' | 'yes' | 'no';
  locationId: string;
  assetTag: string;
  notes: string;
}
type Name = keyof Values;

/** Each form field: its input id, its path in the API input (as ApiError.fields names it) and its label. */
const FIELDS: Record<Name, { path: string; label: MessageKey }> = {
  category: { path: 'category', label: 'report.category' },
  manufacturer: { path: 'manufacturer', label: 'report.manufacturer' },
  model: { path: 'model', label: 'report.model' },
  serial: { path: 'serial', label: 'report.serial' },
  cpu: { path: 'specs.cpu', label: 'report.cpu' },
  ramGb: { path: 'specs.ramGb', label: 'report.ramGb' },
  storageGb: { path: 'specs.storageGb', label: 'report.storageGb' },
  storageType: { path: 'specs.storageType', label: 'report.storageType' },
  screenInch: { path: 'specs.screenInch', label: 'report.screenInch' },
  weightKg: { path: 'weightKg', label: 'report.weightKg' },
  year: { path: 'year', label: 'report.year' },
  dataBearing: { path: 'dataBearing', label: 'report.dataBearing' },
  locationId: { path: 'locationId', label: 'report.location' },
  assetTag: { path: 'assetTag', label: 'report.assetTag' },
  notes: { path: 'notes', label: 'report.notes' },
};
const NAMES = Object.keys(FIELDS) as Name[]; // why: the keys of a Record<Name, …> literal
/** Paths the core may name that are shown at another field. */
const ALIASES: Record<string, Name> = { departmentId: 'locationId', specs: 'cpu' };
const REQUIRED: Name[] = ['category', 'manufacturer', 'model', 'serial', 'locationId'];
const inputId = (n: Name) => `report-${n}`;

const EMPTY: Values = {
  category: '', manufacturer: '', model: '', serial: '', cpu: '', ramGb: '', storageGb: '', storageType: '',
  screenInch: '', weightKg: '', year: '', dataBearing: 'follow', locationId: '', assetTag: '', notes: '',
};

function fieldOfPath(path: string): Name | undefined {
  return NAMES.find((n) => FIELDS[n].path === path) ?? ALIASES[path];
}

export function ReportDevice() {
  const { t } = useI18n();
  const ref = useReference();
  const user = useUser();
  const admin = user.role === 'admin';

  const sites = useMemo(
    () => ref.locations.filter((l) => l.kind === 'site' && (admin || l.departmentId === user.departmentId)),
    [ref.locations, admin, user.departmentId],
  );
  const [values, setValues] = useState<Values>(() => ({ ...EMPTY, locationId: sites.length === 1 ? (sites[0]?.id ?? '') : '' }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [extra, setExtra] = useState<SummaryItem[]>([]);
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Device | undefined>();

  const set = (n: Name) => (v: string) => setValues((old) => ({ ...old, [n]: v }));
  const err = (n: Name) => errors[n];
  const a11y = (n: Name, hint = false) => fieldA11y(inputId(n), { hint, error: errors[n] });
  const category = (CATEGORIES as readonly string[]).includes(values.category) ? (values.category as Category) : undefined; // why: checked

  function validate(): { errors: FieldErrors; input?: ProcedureInput<'devices.report'> } {
    const e: FieldErrors = {};
    for (const n of REQUIRED) if (values[n].trim() === '') e[n] = t('validation.required');
    const num = (n: Name, parse: (s: string) => number | undefined, msg: MessageKey) => {
      const v = parse(values[n]);
      if (v !== undefined && Number.isNaN(v)) e[n] = t(msg);
      return v;
    };
    const ramGb = num('ramGb', parseInteger, 'validation.integer');
    const storageGb = num('storageGb', parseInteger, 'validation.integer');
    const screenInch = num('screenInch', parseDecimal, 'validation.number');
    const weightKg = num('weightKg', parseDecimal, 'validation.number');
    const year = num('year', parseInteger, 'validation.integer');
    if (Object.keys(e).length > 0 || !category) return { errors: e };

    const specs: Specs = {};
    if (values.cpu.trim()) specs.cpu = values.cpu.trim();
    if (ramGb !== undefined) specs.ramGb = ramGb;
    if (storageGb !== undefined) specs.storageGb = storageGb;
    const st = STORAGE_TYPES.find((s) => s === values.storageType);
    if (st) specs.storageType = st;
    if (screenInch !== undefined) specs.screenInch = screenInch;
    const site: Location | undefined = ref.location(values.locationId);
    return {
      errors: e,
      input: {
        category,
        manufacturer: values.manufacturer.trim(),
        model: values.model.trim(),
        serial: values.serial.trim(),
        specs,
        weightKg,
        year,
        dataBearing: values.dataBearing === 'follow' ? undefined : values.dataBearing === 'yes',
        locationId: values.locationId,
        assetTag: values.assetTag.trim() ? values.assetTag.trim().toUpperCase() : undefined,
        // An administrator reports for the administration that owns the chosen site.
        departmentId: admin ? site?.departmentId : undefined,
        notes: values.notes.trim() || undefined,
      },
    };
  }

  function showErrors(fieldErrors: FieldErrors, unplaced: SummaryItem[], msg: string) {
    setErrors(fieldErrors);
    setExtra(unplaced);
    setMessage(msg);
    const first = NAMES.find((n) => fieldErrors[n]);
    if (first) focusField(inputId(first));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const v = validate();
    if (!v.input) return showErrors(v.errors, [], t('validation.clientSummary'));
    setBusy(true);
    try {
      const device = await client.call('devices.report', v.input);
      setErrors({});
      setExtra([]);
      setMessage(undefined);
      setCreated(device);
    } catch (ex) {
      const fe: FieldErrors = {};
      const unplaced: SummaryItem[] = [];
      for (const [path, msg] of Object.entries(errorFields(ex))) {
        const n = fieldOfPath(path);
        if (n && !fe[n]) fe[n] = msg;
        else unplaced.push({ label: path, message: msg });
      }
      showErrors(fe, unplaced, errorText(ex, t('common.unexpectedError')));
    } finally {
      setBusy(false);
    }
  }

  function another() {
    setValues((old) => ({ ...EMPTY, locationId: old.locationId }));
    setCreated(undefined);
    window.setTimeout(() => focusField(inputId('category')), 0);
  }

  if (created) {
    return (
      <>
        <h1>{t('report.title')}</h1>
        <div className="success-panel" role="status">
          <h2>{t('report.successTitle')}</h2>
          <p className="success-tag-label">{t('report.successTag')}</p>
          <p className="success-tag" data-testid="reported-asset-tag">
            {created.assetTag}
          </p>
          <p>
            {created.manufacturer} {created.model} · {t(categoryKey(created.category))}
          </p>
          <p>{t('report.successBody')}</p>
          <div className="button-row">
            <a className="button button-primary" href={href(devicePath(created.id))}>
              {t('report.successOpen')}
            </a>
            <button type="button" className="button button-secondary" onClick={another}>
              {t('report.successAnother')}
            </button>
          </div>
        </div>
      </>
    );
  }

  const summaryItems: SummaryItem[] = [
    ...NAMES.filter((n) => errors[n]).map((n) => ({ targetId: inputId(n), label: t(FIELDS[n].label), message: errors[n] ?? '' })),
    ...extra,
  ];
  const sitesByDepartment = admin
    ? ref.departments.map((d) => ({ d, sites: sites.filter((s) => s.departmentId === d.id) })).filter((g) => g.sites.length > 0)
    : [];
  const dataHint = category
    ? t(isDataBearingCategory(category) ? 'report.dataBearingHintYes' : 'report.dataBearingHintNo', { category: t(categoryKey(category)) })
    : t('report.dataBearingHintNone');

  // Only the warehouse may say that a device of a data-bearing category carries no data (the core enforces it).
  const mayLower = user.role !== 'department_contact' || !category || !isDataBearingCategory(category);
  const dataBearingOptions = mayLower ? (['follow', 'yes', 'no'] as const) : (['follow', 'yes'] as const);

  const text = (n: Name, opts: { required?: boolean; optional?: boolean; inputMode?: 'numeric' | 'decimal'; className?: string } = {}) => (
    <Field id={inputId(n)} label={t(FIELDS[n].label)} error={err(n)} required={opts.required} optional={opts.optional} className={opts.className}>
      <input
        {...a11y(n)}
        type="text"
        inputMode={opts.inputMode}
        value={values[n]}
        onChange={(e) => set(n)(e.target.value)}
        aria-required={opts.required}
        autoComplete="off"
      />
    </Field>
  );

  return (
    <>
      <h1>{t('report.title')}</h1>
      <p className="lead">{t('report.intro')}</p>
      {message && <ErrorSummary message={message} items={summaryItems} />}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <Field id={inputId('category')} label={t('report.category')} error={err('category')} required>
            <select {...a11y('category')} value={values.category} onChange={(e) => set('category')(e.target.value)} aria-required>
              <option value="">{t('report.chooseCategory')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(categoryKey(c))}
                </option>
              ))}
            </select>
          </Field>
          {text('manufacturer', { required: true })}
          {text('model', { required: true })}
          {text('serial', { required: true })}
        </div>

        <fieldset className="fieldset">
          <legend>{t('report.specs')}</legend>
          <div className="form-grid">
            {text('cpu', { optional: true, className: 'span-2' })}
            {text('ramGb', { optional: true, inputMode: 'numeric' })}
            {text('storageGb', { optional: true, inputMode: 'numeric' })}
            <Field id={inputId('storageType')} label={t('report.storageType')} error={err('storageType')} optional>
              <select {...a11y('storageType')} value={values.storageType} onChange={(e) => set('storageType')(e.target.value)}>
                <option value="">{t('report.storageTypeUnknown')}</option>
                {STORAGE_TYPES.map((s) => (
                  <option key={s} value={s}>
                    {t(storageKey(s))}
                  </option>
                ))}
              </select>
            </Field>
            {text('screenInch', { optional: true, inputMode: 'decimal' })}
            {text('weightKg', { optional: true, inputMode: 'decimal' })}
            {text('year', { optional: true, inputMode: 'numeric' })}
          </div>
        </fieldset>

        <fieldset className={`fieldset${err('dataBearing') ? ' field-invalid' : ''}`} aria-describedby="report-dataBearing-hint">
          <legend>{t('report.dataBearing')}</legend>
          <p id="report-dataBearing-hint" className="hint">
            {dataHint}
          </p>
          <div className="radio-row">
            {dataBearingOptions.map((opt, i) => (
              <label key={opt} className="radio" htmlFor={i === 0 ? inputId('dataBearing') : `report-dataBearing-${opt}`}>
                <input
                  type="radio"
                  name="dataBearing"
                  id={i === 0 ? inputId('dataBearing') : `report-dataBearing-${opt}`}
                  value={opt}
                  checked={values.dataBearing === opt}
                  onChange={() => setValues((old) => ({ ...old, dataBearing: opt }))}
                />
                {t(opt === 'follow' ? 'report.dataBearingFollow' : opt === 'yes' ? 'report.dataBearingYes' : 'report.dataBearingNo')}
              </label>
            ))}
          </div>
          {err('dataBearing') && <p className="field-error">{err('dataBearing')}</p>}
        </fieldset>

        <div className="form-grid">
          <Field
            id={inputId('locationId')}
            label={t('report.location')}
            error={err('locationId')}
            hint={sites.length === 0 ? t('report.noSites') : undefined}
            required
          >
            <select {...a11y('locationId', sites.length === 0)} value={values.locationId} onChange={(e) => set('locationId')(e.target.value)} aria-required>
              <option value="">{t('report.chooseLocation')}</option>
              {admin
                ? sitesByDepartment.map((g) => (
                    <optgroup key={g.d.id} label={ref.departmentLabel(g.d.id)}>
                      {g.sites.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </optgroup>
                  ))
                : sites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
            </select>
          </Field>
          <Field id={inputId('assetTag')} label={t('report.assetTag')} error={err('assetTag')} hint={t('report.assetTagHint')} optional>
            <input
              {...a11y('assetTag', true)}
              type="text"
              className="mono"
              value={values.assetTag}
              onChange={(e) => set('assetTag')(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              placeholder="KK-0001234"
            />
          </Field>
        </div>

        <Field id={inputId('notes')} label={t('report.notes')} error={err('notes')} optional>
          <textarea {...a11y('notes')} rows={3} value={values.notes} onChange={(e) => set('notes')(e.target.value)} />
        </Field>

        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('report.submitting') : t('report.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
