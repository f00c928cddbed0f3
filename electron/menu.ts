/** The application menu, in the person's language. Developer tools only in a development build. */
import type { MenuItemConstructorOptions } from 'electron';
import { translate, type Locale, type MessageKey } from '../shared/i18n';

export interface MenuActions {
  isPackaged: boolean;
  /** Absent when connected to a server: the data is the server's, backed up there. */
  onBackup?: (() => void) | undefined;
  /** "Forbind til server…": opens the setting in the window, for everyone (issue 13). */
  onConnect?: (() => void) | undefined;
  onAbout: () => void;
}

export function buildMenuTemplate(actions: MenuActions, locale: Locale = 'da'): MenuItemConstructorOptions[] {
  const t = (key: MessageKey) => translate(locale, key);
  const view: MenuItemConstructorOptions[] = [{ label: t('desktop.menu.reload'), role: 'reload' }];
  if (!actions.isPackaged) view.push({ label: t('desktop.menu.devTools'), role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { label: t('desktop.menu.resetZoom'), role: 'resetZoom' },
    { label: t('desktop.menu.zoomIn'), role: 'zoomIn' },
    { label: t('desktop.menu.zoomOut'), role: 'zoomOut' },
    { type: 'separator' },
    { label: t('desktop.menu.fullScreen'), role: 'togglefullscreen' },
  );
  return [
    {
      label: t('desktop.menu.file'),
      submenu: [
        ...(actions.onConnect ? [{ label: t('desktop.menu.connect'), click: actions.onConnect }] : []),
        ...(actions.onBackup ? [{ label: t('desktop.menu.backup'), click: actions.onBackup }] : []),
        { type: 'separator' },
        { label: t('desktop.menu.quit'), role: 'quit' },
      ],
    },
    {
      // why: without an Edit menu the copy/paste shortcuts do not work in text fields on macOS
      label: t('desktop.menu.edit'),
      submenu: [
        { label: t('desktop.menu.undo'), role: 'undo' },
        { label: t('desktop.menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('desktop.menu.cut'), role: 'cut' },
        { label: t('desktop.menu.copy'), role: 'copy' },
        { label: t('desktop.menu.paste'), role: 'paste' },
        { label: t('desktop.menu.selectAll'), role: 'selectAll' },
      ],
    },
    { label: t('desktop.menu.view'), submenu: view },
    { label: t('desktop.menu.help'), submenu: [{ label: t('desktop.menu.about'), click: () => actions.onAbout() }] },
  ];
}
