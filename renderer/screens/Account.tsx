/**
 * Min konto (shared mode, issue 13, wt-account): who the signed-in person is, and where they change their own
 * password. Standalone mode has no passwords (a person picks their profile), so there it shows only who is working.
 */
import { useRef, useState } from 'react';
import { Banner } from '../components/Banner';
import { PasswordForm } from '../components/organisation/PasswordForm';
import { useT } from '../i18n';
import { roleKey } from '../labels';
import { useReference } from '../reference-context';
import { useSession } from '../session-context';
import type { Outcome } from '../use-admin-action';
import { outcome } from '../use-admin-action';

export function Account() {
  const t = useT();
  const { session, methods } = useSession();
  const ref = useReference();
  const shared = methods?.mode === 'shared';
  const [changing, setChanging] = useState(false);
  const [result, setResult] = useState<Outcome | undefined>();
  const opener = useRef<HTMLButtonElement>(null);
  const user = session?.user;
  if (!user) return null;

  const open = () => {
    setResult(undefined);
    setChanging(true);
  };
  // Cancelling takes the person back to the button they came from (the form it opened is gone).
  const cancel = () => {
    setChanging(false);
    requestAnimationFrame(() => opener.current?.focus());
  };

  return (
    <>
      <h1>{t('account.title')}</h1>
      <section className="card" aria-label={t('account.title')}>
        <dl className="facts" data-testid="account-facts">
          <dt>{t('account.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(roleKey(user.role))}</dd>
          <dt>{t('account.department')}</dt>
          <dd>{ref.departmentName(user.departmentId)}</dd>
        </dl>
        {!shared && <p className="hint">{t('account.standaloneNoPassword')}</p>}
      </section>
      {shared && result && (
        <Banner key={result.seq} kind={result.kind} takeFocus testId="account-result">
          {result.text}
        </Banner>
      )}
      {shared &&
        (changing ? (
          <PasswordForm
            onSaved={() => {
              setChanging(false);
              setResult(outcome('success', t('account.passwordChanged')));
            }}
            onCancel={cancel}
          />
        ) : (
          <section className="card" aria-labelledby="account-password-heading">
            <h2 id="account-password-heading">{t('account.passwordHeading')}</h2>
            <p>{t('account.passwordText')}</p>
            <button ref={opener} type="button" className="button button-primary" onClick={open}>
              {t('account.changePassword')}
            </button>
          </section>
        ))}
    </>
  );
}
