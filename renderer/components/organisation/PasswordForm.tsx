/**
 * Shared mode (issue 13): the one password form. With a `person`, an admin sets or resets that person's password
 * (auth.setPassword; a locked account is unlocked by it). Without, a signed-in person changes their own on
 * *Min konto* (auth.changePassword): the current password, the new one and the new one again. The server checks
 * the rules (at least 12 characters, not the e-mail) and names the field; a wrong current password is named at its field.
 */
import { useState, type FormEvent } from 'react';
import type { User } from '../../../shared/schemas';
import { fieldA11y, focusField } from '../../form-errors';
import type { FormFields } from '../../form-model';
import { useT } from '../../i18n';
import { useContractForm } from '../../use-contract-form';
import { Field } from '../Field';
import { AdminFormCard } from './AdminFormCard';

interface Props {
  /** Whose password an admin sets; absent: the signed-in person's own. */
  person?: User | undefined;
  onSaved(): void;
  onCancel(): void;
}

export function PasswordForm({ person, onSaved, onCancel }: Props) {
  return person ? <SetPassword person={person} onSaved={onSaved} onCancel={onCancel} /> : <ChangeOwnPassword onSaved={onSaved} onCancel={onCancel} />;
}

const SET_FIELDS = { password: { label: 'people.password' } } as const satisfies FormFields<'auth.setPassword'>;

function SetPassword({ person, onSaved, onCancel }: { person: User; onSaved(): void; onCancel(): void }) {
  const t = useT();
  const form = useContractForm('auth.setPassword', { idPrefix: 'password', fields: SET_FIELDS, extra: () => ({ userId: person.id }) });
  return (
    <AdminFormCard
      idPrefix="password"
      title={t('people.passwordTitle', { name: person.name })}
      saveLabel={t('people.savePassword')}
      busy={form.busy}
      summary={form.summary}
      onSubmit={(e) => void form.onSubmit(onSaved)(e)}
      onCancel={onCancel}
    >
      <Field {...form.field('password', t('people.passwordHint'))}>
        <input {...form.control('password', { hint: true })} type="password" autoComplete="new-password" />
      </Field>
    </AdminFormCard>
  );
}

// Own password (wt-account): the repeat is the person's check on their typing, so it is the form's, not the contract's.
const OWN_FIELDS = {
  currentPassword: { label: 'account.currentPassword' },
  newPassword: { label: 'account.newPassword' },
} as const satisfies FormFields<'auth.changePassword'>;

function ChangeOwnPassword({ onSaved, onCancel }: { onSaved(): void; onCancel(): void }) {
  const t = useT();
  const form = useContractForm('auth.changePassword', { idPrefix: 'own-password', fields: OWN_FIELDS });
  const [repeat, setRepeat] = useState('');
  const [repeatError, setRepeatError] = useState<string | undefined>();
  const repeatId = 'own-password-repeat';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fieldsOk = form.checkFields();
    const differs = repeat !== form.values.newPassword;
    setRepeatError(differs ? t('account.repeatMismatch') : undefined);
    // The fields above it come first in the order a person reads them; checkFields has focused the first of those.
    if (differs && fieldsOk) focusField(repeatId);
    if (fieldsOk && !differs) void form.submit(onSaved);
  };
  const repeatItem = repeatError ? [{ targetId: repeatId, label: t('account.repeatPassword'), message: repeatError }] : [];
  const summary = form.summary
    ? { ...form.summary, items: [...form.summary.items, ...repeatItem] }
    : repeatError
      ? { message: t('validation.clientSummary'), items: repeatItem }
      : undefined;

  return (
    <AdminFormCard idPrefix="own-password" title={t('account.passwordTitle')} saveLabel={t('account.savePassword')} busy={form.busy} summary={summary} onSubmit={submit} onCancel={onCancel}>
      <Field {...form.field('currentPassword')}>
        <input {...form.control('currentPassword')} type="password" autoComplete="current-password" />
      </Field>
      <Field {...form.field('newPassword', t('account.passwordHint'))}>
        <input {...form.control('newPassword', { hint: true })} type="password" autoComplete="new-password" />
      </Field>
      <Field id={repeatId} label={t('account.repeatPassword')} error={repeatError} required>
        <input {...fieldA11y(repeatId, { error: repeatError })} aria-required type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </Field>
    </AdminFormCard>
  );
}
