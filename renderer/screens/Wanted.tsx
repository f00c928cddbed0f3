/**
 * Efterlysninger: a contact saves what their administration needs (the marketplace's filters, a text, a quantity
 * and an end day) and sees their administration's requests with how far each has come; an admin sees all.
 * Opened from the marketplace, the form starts from the filters the marketplace showed (the URL's query).
 */
import { readMarketSearch } from '../market-query';
import { useState } from 'react';
import type { ProcedureOutput } from '../../shared/contract';
import { CATEGORIES, CONDITIONS, type Condition } from '../../shared/schemas';
import { addDays, type WantedRequest } from '../../shared/wanted';
import { client, errorText } from '../api/instance';
import { Banner } from '../components/Banner';
import { EmptyState } from '../components/EmptyState';
import { EnumOptions } from '../components/EnumOptions';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { RowAction } from '../components/RowAction';
import { TableHead } from '../components/TableHead';
import type { FormFields } from '../form-model';
import { useI18n, type TFunction } from '../i18n';
import { categoryKey, conditionKey } from '../labels';
import { memberOf } from '../member-of';
import { useReference } from '../reference-context';
import { useRoute } from '../router';
import { useUser } from '../session-context';
import { useAsync } from '../use-async';
import { useContractForm } from '../use-contract-form';

/** The grades a request may ask for as "at least": A; A or B; … A to D. A defective device is never asked for. */
const GRADES = CONDITIONS.filter((c) => c !== 'defective');
/** "At least B" is the grades from A to B. */
const gradesUpTo = (raw: string): Condition[] | undefined => {
  const last = memberOf(GRADES, raw);
  return last === undefined ? undefined : GRADES.slice(0, GRADES.indexOf(last) + 1);
};
/** The marketplace's grades as "at least" when they are A up to one grade; other sets have no such choice. */
const worstGrade = (conditions: readonly Condition[] | undefined): string => {
  if (!conditions?.length) return '';
  const last = GRADES[conditions.length - 1];
  return last !== undefined && gradesUpTo(last)?.join() === conditions.join() ? last : '';
};
const parseWiped = (raw: string): boolean | undefined => (raw === 'yes' ? true : raw === 'no' ? false : undefined);

const WANTED_FIELDS = {
  'filter.category': { label: 'wanted.category', parse: (raw: string) => memberOf(CATEGORIES, raw) },
  'filter.departmentId': { label: 'wanted.department', parse: (raw: string) => raw || undefined },
  'filter.conditions': { label: 'wanted.conditionMin', parse: gradesUpTo },
  'filter.wiped': { label: 'market.wiped', parse: parseWiped },
  'filter.ramMinGb': { label: 'wanted.ramMin', parse: 'integer' },
  'filter.storageMinGb': { label: 'wanted.storageMin', parse: 'integer' },
  'filter.screenMinInch': { label: 'wanted.screenMin', parse: 'decimal' },
  'filter.screenMaxInch': { label: 'wanted.screenMax', parse: 'decimal' },
  'filter.yearMin': { label: 'wanted.yearMin', parse: 'integer' },
  text: { label: 'wanted.text' },
  quantity: { label: 'wanted.quantity', parse: 'integer', initial: '1' },
  endsOn: { label: 'wanted.endsOn' },
} as const satisfies FormFields<'wanted.create'>;

const FILTER_PATHS = ['filter.category', 'filter.departmentId', 'filter.conditions', 'filter.wiped', 'filter.ramMinGb', 'filter.storageMinGb', 'filter.screenMinInch', 'filter.screenMaxInch', 'filter.yearMin'] as const;

/** The filter in words: "Bærbar computer, mindst 16 GB RAM, skærm 13–15"". */
export function describeFilter(t: TFunction, r: WantedRequest, departmentName?: (id: string) => string): string {
  const f = r.filter;
  const parts: string[] = [];
  if (f.category) parts.push(t(categoryKey(f.category)));
  if (f.ramMinGb !== undefined) parts.push(t('wanted.ramSpec', { gb: f.ramMinGb }));
  if (f.storageMinGb !== undefined) parts.push(t('wanted.storageSpec', { gb: f.storageMinGb }));
  // A one-sided range reads "at least 24"" or "at most 15.6"", not "24–"".
  const [lo, hi] = [f.screenMinInch, f.screenMaxInch];
  if (lo !== undefined && hi !== undefined) parts.push(t('wanted.screenSpec', { min: lo, max: hi }));
  else if (lo !== undefined) parts.push(t('wanted.screenMinSpec', { min: lo }));
  else if (hi !== undefined) parts.push(t('wanted.screenMaxSpec', { max: hi }));
  if (f.yearMin !== undefined) parts.push(t('wanted.yearSpec', { year: f.yearMin }));
  const worst = worstGrade(f.conditions);
  if (worst) parts.push(t('wanted.conditionSpec', { grade: t(conditionKey(worst as Condition)) })); // why: worstGrade returns a grade or ''
  if (f.wiped !== undefined) parts.push(t(f.wiped ? 'market.wipedTrue' : 'market.wipedFalse').toLowerCase());
  if (departmentName && f.departmentId !== undefined) parts.push(t('wanted.fromDepartment', { department: departmentName(f.departmentId) }));
  const what = parts.length ? parts.join(', ') : t('wanted.anything');
  return r.text ? `${what}: ${r.text}` : what;
}

export function Wanted() {
  const { query } = useRoute();
  // The form starts from the marketplace's filters in the URL: a new query (the marketplace's "Efterlys" while this
  // screen is open, back or forward) starts it afresh instead of keeping values read from the last one.
  return <WantedScreen key={query.toString()} query={query} />;
}

function WantedScreen({ query }: { query: URLSearchParams }) {
  const { t, day, locale } = useI18n();
  const user = useUser();
  const ref = useReference();
  const list = useAsync(() => client.call('wanted.list', {}), []);
  const [done, setDone] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const today = new Date().toLocaleDateString('sv-SE');
  // The marketplace's filters, read from its URL the way the marketplace reads them (renderer/market-query.ts).
  const fromMarket = readMarketSearch(query).filter;
  // As a person types it: a Danish decimal comma (the form's parser reads both).
  const asText = (n: number | undefined) => (n === undefined ? '' : locale === 'da' ? String(n).replace('.', ',') : String(n));
  const form = useContractForm('wanted.create', {
    idPrefix: 'wanted',
    fields: WANTED_FIELDS,
    initial: {
      'filter.category': fromMarket.category ?? '',
      'filter.departmentId': fromMarket.departmentId ?? '',
      'filter.conditions': worstGrade(fromMarket.conditions),
      'filter.wiped': fromMarket.wiped === undefined ? '' : fromMarket.wiped ? 'yes' : 'no',
      'filter.ramMinGb': asText(fromMarket.ramMinGb),
      'filter.storageMinGb': asText(fromMarket.storageMinGb),
      'filter.screenMinInch': asText(fromMarket.screenMinInch),
      'filter.screenMaxInch': asText(fromMarket.screenMaxInch),
      'filter.yearMin': asText(fromMarket.yearMin),
      endsOn: addDays(today, 30),
    },
    // No filter chosen asks for anything on the marketplace: the input still needs its (empty) filter.
    extra: (v) => (FILTER_PATHS.every((p) => v[p] === '') ? { filter: {} } : {}),
  });

  const saved = (_r: ProcedureOutput<'wanted.create'>) => {
    setError(undefined);
    setDone(t('wanted.saved'));
    form.reset({ endsOn: form.values.endsOn, 'filter.category': form.values['filter.category'] });
    list.reload();
  };

  async function close(r: WantedRequest) {
    setBusy(r.id);
    setDone(undefined);
    setError(undefined);
    try {
      await client.call('wanted.close', { id: r.id });
      setDone(t('wanted.closedDone'));
    } catch (e) {
      setError(errorText(e, t('common.unexpectedError')));
    } finally {
      setBusy(undefined);
      list.reload();
    }
  }

  const text = (name: 'filter.ramMinGb' | 'filter.storageMinGb' | 'filter.screenMinInch' | 'filter.screenMaxInch' | 'filter.yearMin' | 'quantity', inputMode: 'numeric' | 'decimal') => (
    <Field {...form.field(name)}>
      <input {...form.control(name)} type="text" inputMode={inputMode} autoComplete="off" />
    </Field>
  );

  return (
    <>
      <h1>{t('wanted.title')}</h1>
      <p className="lead">{t('wanted.intro')}</p>
      {done && <Banner kind="success">{done}</Banner>}
      {error && <Banner kind="error">{error}</Banner>}
      <form className="form" onSubmit={(e) => void form.onSubmit(saved)(e)} noValidate aria-labelledby="wanted-new-title">
        <h2 id="wanted-new-title">{t('wanted.new')}</h2>
        {form.summary && <ErrorSummary {...form.summary} />}
        <div className="form-grid">
          <Field {...form.field('filter.category')}>
            <select {...form.control('filter.category')}>
              <EnumOptions values={CATEGORIES} label={categoryKey} empty={t('wanted.anyCategory')} />
            </select>
          </Field>
          <Field {...form.field('filter.conditions')}>
            <select {...form.control('filter.conditions')}>
              <option value="">{t('market.any')}</option>
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {t('wanted.conditionOption', { grade: t(conditionKey(g)) })}
                </option>
              ))}
            </select>
          </Field>
          {text('filter.ramMinGb', 'numeric')}
          {text('filter.storageMinGb', 'numeric')}
          {text('filter.screenMinInch', 'decimal')}
          {text('filter.screenMaxInch', 'decimal')}
          {text('filter.yearMin', 'numeric')}
          <Field {...form.field('filter.wiped')}>
            <select {...form.control('filter.wiped')}>
              <option value="">{t('market.any')}</option>
              <option value="yes">{t('market.wipedTrue')}</option>
              <option value="no">{t('market.wipedFalse')}</option>
            </select>
          </Field>
          <Field {...form.field('filter.departmentId')}>
            <select {...form.control('filter.departmentId')}>
              <option value="">{t('wanted.anyDepartment')}</option>
              {ref.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {ref.departmentLabel(d.id)}
                </option>
              ))}
            </select>
          </Field>
          {text('quantity', 'numeric')}
          <Field {...form.field('endsOn')}>
            <input {...form.control('endsOn')} type="date" min={today} />
          </Field>
        </div>
        <Field {...form.field('text')}>
          <textarea {...form.control('text')} rows={2} />
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t('common.working') : t('wanted.save')}
          </button>
        </div>
      </form>

      <h2>{user.role === 'admin' ? t('wanted.listAll') : t('wanted.list')}</h2>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('wanted.empty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="wanted-requests">
            <TableHead columns={['wanted.col.what', 'wanted.col.department', 'wanted.col.progress', 'wanted.col.until', 'wanted.col.state', { key: 'col.actions', hidden: true }]} />
            <tbody>
              {list.data.items.map(({ request: r, state }) => {
                const what = describeFilter(t, r, ref.departmentLabel);
                return (
                  <tr key={r.id} data-testid="wanted-row" data-state={state}>
                    <td>{what}</td>
                    <td>{ref.departmentCode(r.departmentId)}</td>
                    <td>{t('wanted.progress', { reserved: r.reservedDeviceIds.length, quantity: r.quantity })}</td>
                    <td>{day(r.endsOn)}</td>
                    <td>
                      <span className={`badge badge-wanted-${state}`}>{t(`wanted.state.${state}`)}</span>
                    </td>
                    <td className="cell-actions">
                      {r.status === 'open' && (
                        <RowAction
                          label={t('wanted.close')}
                          ariaLabel={t('wanted.closeNamed', { what })}
                          busy={busy === r.id}
                          disabled={busy !== undefined}
                          onClick={() => void close(r)}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
