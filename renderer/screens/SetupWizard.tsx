/**
 * First start without demo data (issue 12): nobody exists yet, so instead of an empty profile picker the first
 * person creates the organisation, the first administrator (with their administration) and the warehouse, and
 * is signed in as that administrator. The form is setup.initialize's input (the one form mechanism).
 */
import { useEffect } from 'react';
import type { FormFields } from '../form-model';
import { Field } from '../components/Field';
import { ErrorSummary } from '../components/ErrorSummary';
import { SignedOutPage } from '../components/SignedOutPage';
import { useI18n } from '../i18n';
import { useSession } from '../session-context';
import { useContractForm } from '../use-contract-form';

/** The wizard's fields, in page order, by their path in setup.initialize's input. */
export const SETUP_FIELDS = {
  // Shared mode (issue 13): the code the server printed at its start; shown only there.
  setupCode: { label: 'setup.setupCode' },
  organisationName: { label: 'setup.organisationName' },
  organisationShortName: { label: 'setup.organisationShortName' },
  'admin.name': { label: 'setup.adminName' },
  'admin.email': { label: 'setup.adminEmail' },
  // Shared mode (issue 13): the first admin's password, so they can sign in again; shown only there.
  'admin.password': { label: 'setup.adminPassword' },
  'department.code': { label: 'setup.departmentCode' },
  'department.name': { label: 'setup.departmentName' },
  'department.nameEn': { label: 'setup.departmentNameEn' },
  'warehouse.name': { label: 'setup.warehouseName' },
  'warehouse.address': { label: 'setup.warehouseAddress' },
} as const satisfies FormFields<'setup.initialize'>;

type Name = keyof typeof SETUP_FIELDS;

export function SetupWizard() {
  const { t } = useI18n();
  const { begin, methods } = useSession();
  const shared = methods?.mode === 'shared';
  const form = useContractForm('setup.initialize', { idPrefix: 'setup', fields: SETUP_FIELDS, required: shared ? ['setupCode', 'admin.password'] : [] });

  // A first start has one thing to do here: the first field takes the focus so the person types at once (else the
  // first Tab lands on the header's language switch). The Shell shows the wizard once the mode, and so the first
  // field, is known, so this runs once.
  const firstId = form.id(shared ? 'setupCode' : 'organisationName');
  useEffect(() => document.getElementById(firstId)?.focus(), [firstId]);

  const options = (name: Name): { type?: 'text' | 'email' | 'password'; hint?: string; autoComplete?: string } => {
    if (name === 'setupCode') return { hint: t('setup.setupCodeHint'), autoComplete: 'one-time-code' };
    if (name === 'admin.email') return { type: 'email', autoComplete: 'email' };
    if (name === 'admin.password') return { type: 'password', autoComplete: 'new-password' };
    if (name === 'department.code') return { hint: t('setup.departmentCodeHint') };
    return {};
  };
  const text = (name: Name) => {
    const opts = options(name);
    return (
      <Field {...form.field(name, opts.hint)}>
        <input {...form.control(name, { hint: opts.hint !== undefined })} type={opts.type ?? 'text'} autoComplete={opts.autoComplete ?? 'off'} />
      </Field>
    );
  };
  const group = (title: string, id: string, names: readonly Name[]) => (
    <fieldset className="fieldset" aria-labelledby={id}>
      <legend id={id}>{title}</legend>
      <div className="form-grid">
        {names.map((n) => (
          // The setup code's hint is long: it reads better over two columns than wrapped in one.
          <div key={n} className={n === 'setupCode' ? 'span-2' : undefined}>
            {text(n)}
          </div>
        ))}
      </div>
    </fieldset>
  );

  return (
    <SignedOutPage>
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.intro')}</p>
      {form.summary && <ErrorSummary {...form.summary} />}
      <form className="form" data-testid="setup-wizard" onSubmit={(e) => void form.onSubmit(begin)(e)} noValidate>
        {/* First, in a group of its own: the code that lets this person set the server up at all. */}
        {shared && group(t('setup.access'), 'setup-access', ['setupCode'])}
        {group(t('setup.organisation'), 'setup-organisation', ['organisationName', 'organisationShortName'])}
        {group(t('setup.admin'), 'setup-admin', shared ? ['admin.name', 'admin.email', 'admin.password'] : ['admin.name', 'admin.email'])}
        {group(t('setup.department'), 'setup-department', ['department.code', 'department.name', 'department.nameEn'])}
        {group(t('setup.warehouse'), 'setup-warehouse', ['warehouse.name', 'warehouse.address'])}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t('setup.submitting') : t('setup.submit')}
          </button>
        </div>
      </form>
    </SignedOutPage>
  );
}
