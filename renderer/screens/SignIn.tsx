/**
 * Shared mode's start (issue 13): sign in with e-mail and password (the form is auth.signIn's input, the one form
 * mechanism), or through the municipality's login when the server has it: in a browser by following the server's
 * link, in the desktop app through the person's own browser (electron/provider-sign-in.ts), which hands the app its
 * session token. Focus starts in the e-mail field.
 */
import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../shared/errors';
import { errorMessage } from '../../shared/messages';
import type { FormFields } from '../form-model';
import { desktopBridge } from '../api/transport';
import { ApiError } from '../api/client';
import { client } from '../api/instance';
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

/**
 * The refusals the identity provider's callback sends the browser back with (core/http/oidc-routes.ts,
 * `/?signInError=CODE`, issue 13, wt-oidc); any other value in the address is ignored.
 */
const OIDC_REFUSALS: readonly ErrorCode[] = ['OIDC_FAILED', 'OIDC_NO_GROUP', 'OIDC_NOT_CONFIGURED', 'USER_INACTIVE'];

/** The refusal in the address, once: it is taken out at once, so a reload or a bookmark does not show it again. */
function takeOidcRefusal(): ErrorCode | undefined {
  const url = new URL(window.location.href);
  const given = url.searchParams.get('signInError');
  if (given === null) return undefined;
  url.searchParams.delete('signInError');
  window.history.replaceState(window.history.state, '', url.href);
  return OIDC_REFUSALS.find((c) => c === given);
}

/**
 * The desktop app's sign-in through the provider: waits while the person signs in in their browser, then starts
 * the session with the token main collected. `problem`: the refusal or failure, in the person's language.
 */
function useProviderSignIn() {
  const { locale } = useI18n();
  const { begin } = useSession();
  const [waiting, setWaiting] = useState(false);
  const [problem, setProblem] = useState<string>();
  const start = async () => {
    const bridge = desktopBridge();
    if (!bridge) return;
    setWaiting(true);
    setProblem(undefined);
    const result = await bridge.signInWithProvider({ locale });
    if (!result.ok) {
      setWaiting(false);
      // A newer click's flow replaced this one: that one speaks for itself.
      if (result.error.code !== 'OIDC_CANCELLED') setProblem(result.error.message);
      return;
    }
    client.setToken(result.data.token);
    try {
      const me = await client.call('session.me', {});
      begin({ token: result.data.token, user: me.user });
    } catch (err) {
      client.setToken(undefined);
      setWaiting(false);
      setProblem(err instanceof ApiError ? err.message : errorMessage('SERVER_UNREACHABLE', {}, locale));
    }
  };
  return { waiting, problem, start };
}

export function SignIn() {
  const { t, locale } = useI18n();
  const [oidcRefusal] = useState(takeOidcRefusal);
  const { begin, expired, methods } = useSession();
  const form = useContractForm('auth.signIn', { idPrefix: 'sign-in', fields: SIGN_IN_FIELDS });
  const bridge = desktopBridge();
  const provider = useProviderSignIn();

  useEffect(() => {
    document.getElementById('sign-in-email')?.focus();
  }, []);

  return (
    <SignedOutPage>
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      {expired && <Banner kind="info">{t('signIn.sessionExpired')}</Banner>}
      {oidcRefusal && (
        <Banner kind="error" testId="sign-in-oidc-refusal">
          {errorMessage(oidcRefusal, {}, locale)}
        </Banner>
      )}
      {provider.problem && (
        <Banner kind="error" testId="sign-in-oidc-refusal">
          {provider.problem}
        </Banner>
      )}
      {provider.waiting && (
        <Banner kind="info" testId="sign-in-oidc-waiting">
          {t('signIn.oidcWaiting')}
        </Banner>
      )}
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
          {/* A link would leave the desktop app's own page: there the person's browser signs in (electron/provider-sign-in.ts). */}
          {methods?.oidc.enabled && !bridge && (
            <a className="button button-secondary" href="/auth/oidc/start">
              {t('signIn.oidc', { name: methods.oidc.name ?? '' })}
            </a>
          )}
          {methods?.oidc.enabled && bridge?.server && (
            <button type="button" className="button button-secondary" disabled={provider.waiting} onClick={() => void provider.start()}>
              {t('signIn.oidc', { name: methods.oidc.name ?? '' })}
            </button>
          )}
        </div>
      </form>
    </SignedOutPage>
  );
}
