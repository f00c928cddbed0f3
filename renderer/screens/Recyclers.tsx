/**
 * Genanvendere: the register of recyclers under the joint e-waste agreement, for administrators to keep.
 * A recycler whose every certification has expired cannot receive a collection, so the list marks the
 * expired and the soon-expiring ones.
 */
import { useState } from 'react';
import { copenhagenDay } from '../../shared/days';
import type { Recycler } from '../../shared/schemas';
import { client } from '../api/instance';
import { Banner } from '../components/Banner';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { RecyclerForm } from '../components/RecyclerForm';
import { RecyclerList } from '../components/RecyclerList';
import { focusField } from '../form-errors';
import { useT } from '../i18n';
import { useAsync } from '../use-async';

/** What the form is open for: a new recycler, or one to edit. */
type Editing = { recycler?: Recycler };

export function Recyclers() {
  const t = useT();
  const list = useAsync(() => client.call('recyclers.list', {}), []);
  const [editing, setEditing] = useState<Editing | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const today = copenhagenDay(new Date());

  function open(next: Editing) {
    setSaved(undefined);
    setEditing(next);
    window.setTimeout(() => focusField('recycler-form-title'), 0);
  }

  function done(recycler: Recycler) {
    setEditing(undefined);
    setSaved(t('recyclers.saved', { name: recycler.legalName }));
    list.reload();
  }

  const items = list.data?.items ?? [];
  return (
    <>
      <h1>{t('recyclers.title')}</h1>
      <p className="lead">{t('recyclers.intro')}</p>
      {saved && <Banner kind="success" testId="recycler-saved">{saved}</Banner>}
      {editing ? (
        // A new key per recycler: the form starts from that recycler's values.
        <RecyclerForm key={editing.recycler?.id ?? 'new'} recycler={editing.recycler} onSaved={done} onCancel={() => setEditing(undefined)} />
      ) : (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => open({})}>
            {t('recyclers.add')}
          </button>
        </div>
      )}
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && <EmptyState>{t('recyclers.empty')}</EmptyState>}
      {items.length > 0 && <RecyclerList recyclers={items} today={today} onEdit={(recycler) => open({ recycler })} />}
    </>
  );
}
