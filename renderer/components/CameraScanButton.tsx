/** The header's "Scan med kamera" button; the camera runs only while its dialog is open. */
import { useCallback, useRef, useState } from 'react';
import { useT } from '../i18n';
import { CameraScanDialog } from './CameraScanDialog';

export function CameraScanButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  return (
    <>
      <button ref={buttonRef} type="button" className="button button-ghost" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('camera.open')}
      </button>
      {open && <CameraScanDialog onClose={close} />}
    </>
  );
}
