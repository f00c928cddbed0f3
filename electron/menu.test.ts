import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

function labels(items: MenuItemConstructorOptions[] | undefined): string[] {
  return (items ?? []).filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label)?.submenu;
  return Array.isArray(menu) ? menu : []; // why: we build every submenu as an array
}

describe('application menu', () => {
  const actions = { onBackup: vi.fn(), onAbout: vi.fn() };

  it('is in Danish: Filer, Rediger, Vis, Hjælp', () => {
    const template = buildMenuTemplate({ ...actions, isPackaged: true });
    expect(template.map((m) => m.label)).toEqual(['Filer', 'Rediger', 'Vis', 'Hjælp']);
    expect(labels(submenu(template, 'Filer'))).toEqual(['Tag sikkerhedskopi…', 'Afslut']);
    expect(labels(submenu(template, 'Hjælp'))).toEqual(['Om Kredsløb']);
  });

  it('is in English when the system language is English', () => {
    const template = buildMenuTemplate({ ...actions, isPackaged: true }, 'en');
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(submenu(template, 'File'))).toEqual(['Take a backup…', 'Quit']);
  });

  it('offers developer tools only in a development build', () => {
    const installed = buildMenuTemplate({ ...actions, isPackaged: true });
    const dev = buildMenuTemplate({ ...actions, isPackaged: false });
    expect(labels(submenu(installed, 'Vis'))).toContain('Genindlæs');
    expect(labels(submenu(installed, 'Vis'))).not.toContain('Udviklerværktøjer');
    expect(labels(submenu(dev, 'Vis'))).toContain('Udviklerværktøjer');
  });

  it('runs the backup and the about box from their items; Afslut quits', () => {
    const template = buildMenuTemplate({ ...actions, isPackaged: true });
    const file = submenu(template, 'Filer');
    // why: Electron passes (menuItem, window, event) to click; none is used by our handlers
    const click = (item: MenuItemConstructorOptions | undefined) => item?.click?.({} as never, undefined, {} as never);
    click(file.find((i) => i.label === 'Tag sikkerhedskopi…'));
    click(submenu(template, 'Hjælp')[0]);
    expect(actions.onBackup).toHaveBeenCalledOnce();
    expect(actions.onAbout).toHaveBeenCalledOnce();
    expect(file.find((i) => i.label === 'Afslut')?.role).toBe('quit');
  });
});
