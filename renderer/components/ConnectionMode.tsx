/**
 * Which mode the app is in, always in view (issue 13): "Lokal database (kun denne pc)" or "Forbundet til <host>".
 * In the desktop app it opens "Forbind til server", as the desktop menu's item does (for everyone); in a browser
 * it only says where the page is connected.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { OPEN_CONNECTION_EVENT } from '../../shared/desktop';
import { reachability } from '../api/instance';
import { dataLocation, desktopBridge } from '../api/transport';
import { useT } from '../i18n';
import { useModalDialog } from '../use-modal-dialog';
import { ModalDialog } from './ModalDialog';
import { ServerConnectionForm } from './ServerConnectionForm';

export function ConnectionMode() {
  const t = useT();
  const where = dataLocation();
  const bridge = desktopBridge();
  const [open, setOpen] = useState(false);
  // While the server does not answer, the header must not say "Forbundet til" under the banner saying it cannot be reached.
  const down = useSyncExternalStore(reachability.subscribe, reachability.isDown);
  const text = where.kind === 'local' ? t('connection.modeLocal') : t(down ? 'connection.modeServerDown' : 'connection.modeServer', { host: where.host });

  useEffect(() => bridge?.on(OPEN_CONNECTION_EVENT, () => setOpen(true)), [bridge]);

  if (!bridge) {
    return (
      <span className="connection-mode" data-testid="connection-mode" data-mode={where.kind}>
        {text}
      </span>
    );
  }
  return (
    <>
      <button type="button" className="button button-ghost connection-mode" data-testid="connection-mode" data-mode={where.kind} onClick={() => setOpen(true)}>
        {text}
      </button>
      {open && <ConnectionDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ConnectionDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const dialogRef = useModalDialog();
  return (
    <ModalDialog dialogRef={dialogRef} title={t('connection.title')} closeLabel={t('connection.close')} className="connection-dialog" testId="connection-dialog" onClose={onClose}>
      <ServerConnectionForm />
    </ModalDialog>
  );
}
