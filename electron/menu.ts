/** The application menu, in Danish. Developer tools only in a development build. */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  isPackaged: boolean;
  onBackup: () => void;
  onAbout: () => void;
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [{ label: 'Genindlæs', role: 'reload' }];
  if (!actions.isPackaged) view.push({ label: 'Udviklerværktøjer', role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { label: 'Faktisk størrelse', role: 'resetZoom' },
    { label: 'Zoom ind', role: 'zoomIn' },
    { label: 'Zoom ud', role: 'zoomOut' },
    { type: 'separator' },
    { label: 'Fuld skærm', role: 'togglefullscreen' },
  );
  return [
    {
      label: 'Filer',
      submenu: [
        { label: 'Tag sikkerhedskopi…', click: () => actions.onBackup() },
        { type: 'separator' },
        { label: 'Afslut', role: 'quit' },
      ],
    },
    {
      // why: without an Edit menu the copy/paste shortcuts do not work in text fields on macOS
      label: 'Rediger',
      submenu: [
        { label: 'Fortryd', role: 'undo' },
        { label: 'Gentag', role: 'redo' },
        { type: 'separator' },
        { label: 'Klip', role: 'cut' },
        { label: 'Kopiér', role: 'copy' },
        { label: 'Sæt ind', role: 'paste' },
        { label: 'Markér alt', role: 'selectAll' },
      ],
    },
    { label: 'Vis', submenu: view },
    { label: 'Hjælp', submenu: [{ label: 'Om Kredsløb', click: () => actions.onAbout() }] },
  ];
}
