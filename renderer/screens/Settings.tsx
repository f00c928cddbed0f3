/**
 * Indstillinger (issue 12, administrators): the organisation's names, reservation and offer days, e-waste ages per
 * category, the QR code's content, the asset tag format (fixed once a tag is issued), each administration's
 * reservation approval, and a link to the emission factors, which keep their own page. The form is
 * settings.save's input; the core records each changed figure in the audit list.
 */
import { useState } from 'react';
import type { ProcedureOutput } from '../../shared/contract';
import { CATEGORIES, SESSION_IDLE_MINUTES_DEFAULT, TAG_PAYLOAD_FORMS, type Category } from '../../shared/schemas';
import type { SettingsInput } from '../../shared/settings';
import { DEFAULT_TAG_FORMAT, tagExample, TAG_PREFIX_PATTERN, TAG_WIDTH_MAX, TAG_WIDTH_MIN } from '../../shared/tag-format';
import { client } from '../api/instance';
import { desktopBridge } from '../api/transport';
import { ApprovalSettings } from '../components/ApprovalSettings';
import { Banner } from '../components/Banner';
import { DepartmentOptions } from '../components/DepartmentOptions';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { StockOptions } from '../components/StockOptions';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { ServerConnectionForm } from '../components/ServerConnectionForm';
import { parseDecimal, type FormFields, type TextFieldSpec } from '../form-model';
import { memberOf } from '../member-of';
import { useSession } from '../session-context';
import { useI18n } from '../i18n';
import { categoryKey } from '../labels';
import { useReference } from '../reference-context';
import { href } from '../router';
import { useAsync } from '../use-async';
import { useContractForm } from '../use-contract-form';

type PerCategory = 'offerDays' | 'ewasteMaxAgeYears';
type CategoryFieldName = `${PerCategory}.${Category}`;
const categoryField = (table: PerCategory, c: Category): CategoryFieldName => `${table}.${c}`;
const perCategoryFields = (table: PerCategory) =>
  Object.fromEntries(CATEGORIES.map((c) => [categoryField(table, c), { label: categoryKey(c), parse: 'integer' }])) as Record<`${typeof table}.${Category}`, TextFieldSpec>; // why: one entry per category, built from CATEGORIES

/** The form's fields, in page order, by their path in settings.save's input. */
const SETTINGS_FIELDS = {
  organisationName: { label: 'settings.organisationName' },
  organisationShortName: { label: 'settings.organisationShortName' },
  reservationDays: { label: 'settings.reservationDays', parse: 'integer' },
  ...perCategoryFields('offerDays'),
  ...perCategoryFields('ewasteMaxAgeYears'),
  labelPayload: { label: 'settings.labelPayload' },
  labelStock: { label: 'settings.labelStock' },
  tagPrefix: { label: 'settings.tagPrefix' },
  tagWidth: { label: 'settings.tagWidth', parse: 'integer' },
  // Session idle time (issue 13, wt-account): its parse depends on the chosen unit, so SettingsForm gives it.
  sessionIdleMinutes: { label: 'settings.sessionIdle' },
} satisfies FormFields<'settings.save'>;

type TextName = keyof typeof SETTINGS_FIELDS;

/** The form's start values: the settings in force, as a person would type them. */
function startValues(s: SettingsInput): Record<TextName, string> {
  const perCategory = (table: PerCategory) => Object.fromEntries(CATEGORIES.map((c) => [categoryField(table, c), String(s[table][c])]));
  return {
    organisationName: s.organisationName,
    organisationShortName: s.organisationShortName ?? '',
    reservationDays: String(s.reservationDays),
    ...perCategory('offerDays'),
    ...perCategory('ewasteMaxAgeYears'),
    labelPayload: s.labelPayload,
    labelStock: s.labelStock,
    tagPrefix: s.tagPrefix,
    tagWidth: String(s.tagWidth),
    sessionIdleMinutes: String(idleAmount(s.sessionIdleMinutes).amount),
  } as Record<TextName, string>; // why: every name of SETTINGS_FIELDS is set above, the per-category ones from CATEGORIES
}

// Session idle time (issue 13, wt-account): typed in minutes or hours, kept in minutes.
const IDLE_UNITS = ['minutes', 'hours'] as const;
type IdleUnit = (typeof IDLE_UNITS)[number];

/** How a stored idle time is shown: whole hours in hours, anything else in minutes. */
function idleAmount(minutes = SESSION_IDLE_MINUTES_DEFAULT): { amount: number; unit: IdleUnit } {
  return minutes % 60 === 0 ? { amount: minutes / 60, unit: 'hours' } : { amount: minutes, unit: 'minutes' };
}

/** The typed amount in minutes ("1,5" hours → 90); empty → undefined, not a number → NaN (the schema names it). */
function idleMinutes(raw: string, unit: IdleUnit): number | undefined {
  const n = parseDecimal(raw);
  return n === undefined || Number.isNaN(n) || unit === 'minutes' ? n : Math.round(n * 60);
}

export function Settings() {
  const { t } = useI18n();
  const view = useAsync(() => client.call('settings.get', {}), []);
  const reference = useReference();
  // What the last save stored (its answer): the form starts again from it, without waiting for a reload.
  const [saved, setSaved] = useState<{ count: number; settings: SettingsInput } | undefined>();
  const current = view.data && (saved ? { ...view.data, settings: saved.settings } : view.data);
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p className="lead">{t('settings.intro')}</p>
      {view.loading && !view.data && <Loading />}
      {view.error !== undefined && <LoadError error={view.error} onRetry={view.reload} />}
      {current && (
        <SettingsForm
          // why: keyed by the saves, so the form starts again from what is stored
          key={saved?.count ?? 0}
          current={current}
          saved={saved !== undefined}
          onSaved={(out) => {
            setSaved((s) => ({ count: (s?.count ?? 0) + 1, settings: out.settings }));
            // Scanning reads tags in the format of the reference data's settings: fetch them anew.
            reference.reload();
          }}
        />
      )}
      <ApprovalSection />
      {desktopBridge() && (
        <section className="card" aria-labelledby="settings-connection-title">
          <h2 id="settings-connection-title">{t('connection.title')}</h2>
          <ServerConnectionForm />
        </section>
      )}
      <section className="card" aria-labelledby="settings-factors-title">
        <h2 id="settings-factors-title">{t('settings.factors')}</h2>
        <p>{t('settings.factorsText')}</p>
        <p>
          <a href={href('/factors')}>{t('settings.factorsLink')}</a>
        </p>
      </section>
    </>
  );
}

interface FormProps {
  current: ProcedureOutput<'settings.get'>;
  saved: boolean;
  onSaved(output: ProcedureOutput<'settings.save'>): void;
}

function SettingsForm({ current, saved, onSaved }: FormProps) {
  const { t } = useI18n();
  // Session idle time: an admin sets it in shared mode only (standalone has no sign-in), and then it is required.
  const shared = useSession().methods?.mode === 'shared';
  const [idleUnit, setIdleUnit] = useState<IdleUnit>(() => idleAmount(current.settings.sessionIdleMinutes).unit);
  const fields = {
    ...SETTINGS_FIELDS,
    sessionIdleMinutes: { ...SETTINGS_FIELDS.sessionIdleMinutes, parse: shared ? (raw: string) => idleMinutes(raw, idleUnit) : () => undefined },
  };
  const form = useContractForm('settings.save', {
    idPrefix: 'settings',
    fields,
    initial: startValues(current.settings),
    required: shared ? ['sessionIdleMinutes'] : [],
  });
  const locked = current.lastTag !== undefined;
  const width = Number(form.values.tagWidth);
  const prefix = form.values.tagPrefix.trim().toUpperCase();
  const example = TAG_PREFIX_PATTERN.test(prefix) && width >= TAG_WIDTH_MIN && width <= TAG_WIDTH_MAX ? tagExample({ prefix, width }) : undefined;

  const number = (name: TextName, opts: { hint?: string; disabled?: boolean } = {}) => (
    <Field key={name} {...form.field(name, opts.hint)}>
      <input {...form.control(name, { hint: opts.hint !== undefined })} type="text" inputMode="numeric" autoComplete="off" disabled={opts.disabled} />
    </Field>
  );
  const table = (name: PerCategory, title: string, intro: string) => (
    <fieldset className="fieldset">
      <legend>{title}</legend>
      <p className="hint">{intro}</p>
      <div className="form-grid">{CATEGORIES.map((c) => number(categoryField(name, c)))}</div>
    </fieldset>
  );

  return (
    <section className="card" aria-label={t('settings.title')} data-testid="settings-form">
      {saved && (
        <Banner kind="success" testId="settings-saved" takeFocus>
          {t('settings.saved')}
        </Banner>
      )}
      {form.summary && <ErrorSummary {...form.summary} />}
      <form className="form" onSubmit={(e) => void form.onSubmit(onSaved)(e)} noValidate>
        <fieldset className="fieldset">
          <legend>{t('settings.organisation')}</legend>
          <div className="form-grid">
            <Field {...form.field('organisationName')}>
              <input {...form.control('organisationName')} type="text" autoComplete="organization" />
            </Field>
            <Field {...form.field('organisationShortName', t('settings.organisationShortNameHint'))}>
              <input {...form.control('organisationShortName', { hint: true })} type="text" autoComplete="off" />
            </Field>
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('settings.marketplace')}</legend>
          <div className="form-grid">{number('reservationDays')}</div>
        </fieldset>
        {shared && (
          <fieldset className="fieldset" data-testid="settings-sessions">
            <legend>{t('settings.sessions')}</legend>
            <Field {...form.field('sessionIdleMinutes', t('settings.sessionIdleHint'))}>
              <div className="amount-unit">
                <input {...form.control('sessionIdleMinutes', { hint: true })} type="text" inputMode="decimal" autoComplete="off" />
                <select aria-label={t('settings.sessionIdleUnit')} value={idleUnit} onChange={(e) => setIdleUnit(memberOf(IDLE_UNITS, e.target.value) ?? 'minutes')}>
                  {IDLE_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {t(`settings.sessionIdleUnit.${u}`)}
                    </option>
                  ))}
                </select>
              </div>
            </Field>
          </fieldset>
        )}
        {table('offerDays', t('settings.offerDays'), t('settings.offerDaysIntro'))}
        {table('ewasteMaxAgeYears', t('settings.ewasteMaxAge'), t('settings.ewasteMaxAgeIntro'))}
        <fieldset className="fieldset">
          <legend>{t('settings.labels')}</legend>
          <Field {...form.field('labelPayload')}>
            <select {...form.control('labelPayload')}>
              {TAG_PAYLOAD_FORMS.map((p) => (
                <option key={p} value={p}>
                  {t(`labels.payload.${p}`, { example: example ?? tagExample(DEFAULT_TAG_FORMAT) })}
                </option>
              ))}
            </select>
          </Field>
          <Field {...form.field('labelStock', t('settings.labelStockHint'))}>
            <select {...form.control('labelStock', { hint: true })}>
              <StockOptions />
            </select>
          </Field>
        </fieldset>
        <fieldset className="fieldset" data-testid="settings-tag-format">
          <legend>{t('settings.tagFormat')}</legend>
          {locked && <p data-testid="settings-tag-locked">{t('settings.tagLocked', { lastTag: current.lastTag ?? '' })}</p>}
          <div className="form-grid">
            <Field {...form.field('tagPrefix', t('settings.tagPrefixHint'))}>
              <input {...form.control('tagPrefix', { hint: true })} type="text" autoComplete="off" spellCheck={false} className="mono" disabled={locked} />
            </Field>
            {number('tagWidth', { hint: t('settings.tagWidthHint'), disabled: locked })}
          </div>
          {example && !locked && <p className="muted">{t('settings.tagExample', { example })}</p>}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t('settings.saving') : t('settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Each administration's reservation approval, one at a time (departments.setApproval, through its own form). */
function ApprovalSection() {
  const { t } = useI18n();
  const ref = useReference();
  const [departmentId, setDepartmentId] = useState(ref.departments[0]?.id ?? '');
  // The chooser sits in the approval card, under its one heading; the card is not remounted, so the focus stays on it.
  return (
    <ApprovalSettings departmentId={departmentId}>
      <div className="field">
        <label htmlFor="settings-approval-department">{t('settings.approvalDepartment')}</label>
        <select id="settings-approval-department" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
          <DepartmentOptions all={false} />
        </select>
      </div>
    </ApprovalSettings>
  );
}
