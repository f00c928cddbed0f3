/**
 * "Scan med kamera": a modal dialog with the live camera. A scanned asset tag (bare or in the URL form) opens
 * that device's page; an unknown tag or a QR code that is not a tag says so and the camera keeps scanning.
 * Escape or "Luk" closes it; the opener gets the focus back.
 */
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { client, errorText } from '../api/instance';
import { useT } from '../i18n';
import { devicePath, navigate } from '../router';
import { useReadTag, useTagExample } from '../scanning/scanned-tag';
import { useModalDialog } from '../use-modal-dialog';
import { Banner } from './Banner';
import { CameraScanner } from './CameraScanner';
import { ModalDialog } from './ModalDialog';

type Outcome =
  | { kind: 'looking'; tag: string }
  | { kind: 'notATag'; text: string }
  | { kind: 'unknownTag'; tag: string }
  | { kind: 'failed'; message: string };

/** A QR code can hold a page of text; the message shows enough of it to recognise. */
const SHOWN_TEXT_LENGTH = 60;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > SHOWN_TEXT_LENGTH ? `${oneLine.slice(0, SHOWN_TEXT_LENGTH - 1)}…` : oneLine;
}

export function CameraScanDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const readTag = useReadTag();
  const tagExample = useTagExample();
  const dialogRef = useModalDialog();
  const latestLookup = useRef(0);
  const [outcome, setOutcome] = useState<Outcome>();

  const handleScan = useCallback(
    async (text: string) => {
      const lookup = ++latestLookup.current;
      const tag = readTag(text);
      if (!tag) {
        setOutcome({ kind: 'notATag', text: shorten(text) });
        return;
      }
      setOutcome({ kind: 'looking', tag });
      try {
        const { device } = await client.call('devices.get', { assetTag: tag });
        if (lookup !== latestLookup.current) return; // a newer scan has taken over
        // why: closing the element (not just unmounting it) ends the modal state first, so the opener can take focus
        dialogRef.current?.close();
        navigate(devicePath(device.id));
      } catch (error) {
        if (lookup !== latestLookup.current) return;
        if (error instanceof ApiError && error.code === 'NOT_FOUND') setOutcome({ kind: 'unknownTag', tag });
        else setOutcome({ kind: 'failed', message: errorText(error, t('camera.lookupFailed', { tag })) });
      }
    },
    [t, readTag],
  );

  return (
    <ModalDialog dialogRef={dialogRef} title={t('camera.title')} closeLabel={t('camera.close')} className="camera-dialog" testId="camera-dialog" onClose={onClose}>
      <p className="hint">{t('camera.hint')}</p>
      <CameraScanner onScan={(text) => void handleScan(text)} />
      <div className="camera-outcome" data-testid="camera-outcome">
        {outcome?.kind === 'looking' && <Banner kind="info">{t('camera.lookingUp', { tag: outcome.tag })}</Banner>}
        {outcome?.kind === 'notATag' && <Banner kind="error">{t('camera.notATag', { text: outcome.text, example: tagExample })}</Banner>}
        {outcome?.kind === 'unknownTag' && <Banner kind="error">{t('camera.unknownTag', { tag: outcome.tag })}</Banner>}
        {outcome?.kind === 'failed' && <Banner kind="error">{outcome.message}</Banner>}
      </div>
    </ModalDialog>
  );
}
