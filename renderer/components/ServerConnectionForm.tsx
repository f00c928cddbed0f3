/**
 * "Forbind til server" (issue 13): the desktop app's choice between its own local database and a shared server.
 * Main checks the address and asks the server before it saves anything (electron/connection.ts), then reopens the
 * window in the new mode; a refusal is shown at the address field and nothing changes. In a browser there is
 * nothing to choose: the page says where it is connected.
 */
import { useId, useState, type FormEvent } from 'react';
import { SERVER_URL_FIELD } from '../../shared/desktop';
import { dataLocation, desktopBridge } from '../api/transport';
import { useI18n } from '../i18n';
import { Banner } from './Banner';
import { Field } from './Field';

type Phase = { kind: 'idle' } | { kind: 'checking' } | { kind: 'switching' } | { kind: 'refused'; message: string; field?: string };

export function ServerConnectionForm() {
  const { t, locale } = useI18n();
  const id = useId();
  const bridge = desktopBridge();
  const where = dataLocation();
  const [url, setUrl] = useState(bridge?.server ?? '');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const current = where.kind === 'local' ? t('connection.currentLocal') : t('connection.currentServer', { host: where.host });
  if (!bridge) return <p data-testid="connection-current">{`${current} ${t('connection.onlyDesktop')}`}</p>;

  async function change(request: { action: 'connect'; url: string } | { action: 'local' }) {
    if (!bridge) return;
    setPhase({ kind: request.action === 'connect' ? 'checking' : 'switching' });
    const result = await bridge.connection(request, { locale });
    // On success main replaces this window with one in the new mode; until then the form says it is switching.
    if (result.ok) setPhase({ kind: 'switching' });
    else setPhase({ kind: 'refused', message: result.error.message, field: result.error.fields?.[SERVER_URL_FIELD] });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void change({ action: 'connect', url });
  }

  const busy = phase.kind === 'checking' || phase.kind === 'switching';
  const fieldError = phase.kind === 'refused' ? phase.field : undefined;
  return (
    <form className="form" noValidate onSubmit={submit} data-testid="connection-form">
      <p className="hint">{t('connection.intro')}</p>
      <p data-testid="connection-current">{current}</p>
      {phase.kind === 'refused' && !fieldError && <Banner kind="error">{phase.message}</Banner>}
      <Field id={`${id}-url`} label={t('connection.serverUrl')} hint={t('connection.serverUrlHint')} error={fieldError}>
        <input
          id={`${id}-url`}
          // why text, not url: the shared input style (and its error outline) covers text inputs; inputMode gives the URL keyboard
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${id}-url-hint${fieldError ? ` ${id}-url-error` : ''}`}
          disabled={busy}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {phase.kind === 'checking' ? t('connection.checking') : t('connection.connect')}
        </button>
        {where.kind === 'server' && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void change({ action: 'local' })}>
            {t('connection.useLocal')}
          </button>
        )}
      </div>
      {phase.kind === 'switching' && <Banner kind="info">{t('connection.switching')}</Banner>}
    </form>
  );
}
