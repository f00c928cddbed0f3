/**
 * Shared mode's start (issue 13): sign in with e-mail and password (the form is auth.signIn's input, the one form
 * mechanism), or through the municipality's login when the server has it. Focus starts in the e-mail field.
 */
import { useEffect } from 'react';
import type { FormFields } from '../form-model';
import { Banner } from '../components/Banner';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { SignedOutPage } from '../components/SignedOutPage';
import { useI18n } from '../i18n';
import { useSession } from '../session-context';
import { useContractForm } from '../use-contract-form';

export const SIGN_IN_FIELDS = {
  email: { label: 'signIn.email' },
  password: { label: 'signIn.password' },
} as const satisfies FormFields<'auth.signIn'>;

export function SignIn() {
  const { t } = useI18n();
  const { begin, expired, methods } = useSession();
  const form = useContractForm('auth.signIn', { idPrefix: 'sign-in', fields: SIGN_IN_FIELDS });

  useEffect(() => {
    document.getElementById('sign-in-email')?.focus();
  }, []);

  return (
    <SignedOutPage>
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      {expired && <Banner kind="info">{t('signIn.sessionExpired')}</Banner>}
      {form.summary && <ErrorSummary {...form.summary} />}
      <form className="form" data-testid="sign-in" onSubmit={(e) => void form.onSubmit(begin)(e)} noValidate>
        <Field {...form.field('email')}>
          <input {...form.control('email')} type="email" autoComplete="username" />
        </Field>
        <Field {...form.field('password')}>
          <input {...form.control('password')} type="password" autoComplete="current-password" />
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
          {methods?.oidc.enabled && (
            <a className="button button-secondary" href="/auth/oidc/start">
              {t('signIn.oidc', { name: methods.oidc.name ?? '' })}
            </a>
          )}
        </div>
      </form>
    </SignedOutPage>
  );
}
