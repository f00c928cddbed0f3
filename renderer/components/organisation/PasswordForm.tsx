/**
 * Shared mode (issue 13): an admin sets or resets a person's password (auth.setPassword). The server checks the
 * rules (at least 12 characters, not the e-mail) and names the field; a locked account is unlocked by it.
 */
import type { User } from '../../../shared/schemas';
import type { FormFields } from '../../form-model';
import { useT } from '../../i18n';
import { useContractForm } from '../../use-contract-form';
import { Field } from '../Field';
import { AdminFormCard } from './AdminFormCard';

const FIELDS = { password: { label: 'people.password' } } as const satisfies FormFields<'auth.setPassword'>;

export function PasswordForm({ person, onSaved, onCancel }: { person: User; onSaved(): void; onCancel(): void }) {
  const t = useT();
  const form = useContractForm('auth.setPassword', { idPrefix: 'password', fields: FIELDS, extra: () => ({ userId: person.id }) });
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
