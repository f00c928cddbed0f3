/**
 * A button that asks the core for a file (a PDF or CSV it made) and hands it to the person: busy while the
 * core works, then the saved file's name, or the core's refusal in the person's language.
 */
import { useState } from 'react';
import { ApiError } from './api/client';
import { saveFile } from './download';
import { useI18n } from './i18n';

/** A file ready to save. */
export interface FileToSave {
  content: BlobPart;
  /** The MIME type, e.g. "application/pdf". */
  type: string;
  fileName: string;
}

export type DownloadOutcome = { ok: true; fileName: string } | { ok: false; message: string };

export function useDownload() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<DownloadOutcome | undefined>();

  async function download(fetchFile: () => Promise<FileToSave>): Promise<void> {
    setBusy(true);
    setOutcome(undefined);
    try {
      const file = await fetchFile();
      saveFile(file.content, file.type, file.fileName);
      setOutcome({ ok: true, fileName: file.fileName });
    } catch (e) {
      setOutcome({ ok: false, message: e instanceof ApiError ? e.message : t('common.unexpectedError') });
    } finally {
      setBusy(false);
    }
  }

  return { busy, outcome, download };
}
