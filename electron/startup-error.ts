/** What the user is told when the desktop app cannot start: a title and a message in Danish. */
import { AppError } from '../core/errors';

export interface StartupFailure {
  title: string;
  message: string;
}

export function describeStartupFailure(err: unknown, dataDir: string): StartupFailure {
  if (err instanceof AppError && err.code === 'STORE_LOCKED') {
    return {
      title: 'Kredsløb kører allerede',
      message:
        `Datamappen er allerede åben i et andet Kredsløb-vindue eller -program:\n${dataDir}\n\n` +
        'Luk det andet Kredsløb (eller vent til det er lukket), og start Kredsløb igen.',
    };
  }
  const reason = err instanceof Error ? err.message : String(err);
  return {
    title: 'Kredsløb kunne ikke starte',
    message: `Datamappen kunne ikke åbnes:\n${dataDir}\n\nÅrsag: ${reason}`,
  };
}
