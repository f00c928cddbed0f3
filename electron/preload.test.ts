import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from './preload';

// why: the preload runs inside Electron's sandboxed renderer, which does not exist in a unit test;
// we stand in for contextBridge and ipcRenderer and record what the preload does with them.
const electron = vi.hoisted(() => {
  type Listener = (event: unknown, ...args: unknown[]) => void;
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 'answer' })),
      on(channel: string, listener: Listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      },
      removeListener(channel: string, listener: Listener) {
        listeners.get(channel)?.delete(listener);
      },
    },
    /** What main's webContents.send would deliver to the renderer. */
    deliver(channel: string, message: unknown) {
      const ipcEvent = { sender: 'ipcRenderer', senderId: 0, ports: [] };
      for (const l of listeners.get(channel) ?? []) l(ipcEvent, message);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: electron.ipcRenderer,
}));

async function loadPreload(): Promise<PreloadBridge> {
  vi.resetModules();
  electron.exposed.clear();
  electron.listeners.clear();
  await import('./preload');
  return electron.exposed.get('kredslob') as PreloadBridge; // why: the preload exposes this shape; checked by the tests
}

describe('preload', () => {
  beforeEach(() => electron.ipcRenderer.invoke.mockClear());

  it('exposes window.kredslob with exactly invoke, on, saveFile, connection and signInWithProvider, and nothing else in the main world', async () => {
    const bridge = await loadPreload();
    expect([...electron.exposed.keys()]).toEqual(['kredslob']);
    expect(Object.keys(bridge).sort()).toEqual(['connection', 'invoke', 'on', 'saveFile', 'signInWithProvider']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('invoke sends the call on kredslob:invoke and returns the answer', async () => {
    const bridge = await loadPreload();
    const answer = await bridge.invoke('devices.search', { text: 'lenovo' }, { token: 't', locale: 'da' });
    expect(answer).toEqual({ ok: true, data: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
      'kredslob:invoke',
      'devices.search',
      { text: 'lenovo' },
      { token: 't', locale: 'da' },
    );
  });

  it('saveFile sends the call on kredslob:save-file and returns the answer', async () => {
    const bridge = await loadPreload();
    const answer = await bridge.saveFile('stats.export', { file: 'xlsx' }, { token: 't', locale: 'en' });
    expect(answer).toEqual({ ok: true, data: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('kredslob:save-file', 'stats.export', { file: 'xlsx' }, { token: 't', locale: 'en' });
  });

  it('connection sends the request on kredslob:connection; the bridge names no server while the desktop runs locally', async () => {
    const bridge = await loadPreload();
    expect(bridge.server).toBeUndefined();
    await bridge.connection({ action: 'connect', url: 'https://kredslob.kk.dk' }, { locale: 'da' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('kredslob:connection', { action: 'connect', url: 'https://kredslob.kk.dk' }, { locale: 'da' });
  });

  it('signInWithProvider asks main on kredslob:provider-sign-in with the meta alone', async () => {
    const bridge = await loadPreload();
    await bridge.signInWithProvider({ locale: 'en' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('kredslob:provider-sign-in', { locale: 'en' });
  });

  it('names the server main put in the renderer arguments, so the renderer talks HTTP to it', async () => {
    // why: Electron appends webPreferences.additionalArguments to the renderer's process.argv
    process.argv.push('--kredslob-server=https://kredslob.kk.dk');
    try {
      const bridge = await loadPreload();
      expect(bridge.server).toBe('https://kredslob.kk.dk');
      expect(Object.keys(bridge).sort()).toEqual(['connection', 'invoke', 'on', 'saveFile', 'server', 'signInWithProvider']);
    } finally {
      process.argv.pop();
    }
  });

  it('on passes only the payload of the named event, never the IPC event object', async () => {
    const bridge = await loadPreload();
    const received: unknown[][] = [];
    bridge.on('reservations.expired', (...args) => received.push(args));
    electron.deliver('kredslob:event', { event: 'devices.changed', payload: { id: 'd-1' } });
    electron.deliver('kredslob:event', { event: 'reservations.expired', payload: { id: 'r-1' } });
    electron.deliver('kredslob:event', 'garbage');
    electron.deliver('kredslob:event', null);
    expect(received).toEqual([[{ id: 'r-1' }]]);
  });

  it('on returns an unsubscribe that stops the listener', async () => {
    const bridge = await loadPreload();
    const listener = vi.fn();
    const unsubscribe = bridge.on('devices.changed', listener);
    electron.deliver('kredslob:event', { event: 'devices.changed', payload: 1 });
    unsubscribe();
    electron.deliver('kredslob:event', { event: 'devices.changed', payload: 2 });
    expect(listener.mock.calls).toEqual([[1]]);
    expect(electron.listeners.get('kredslob:event')?.size).toBe(0);
  });

  it('needs nothing at run time but electron (a sandboxed preload can require nothing else)', () => {
    const runtimeImports = (file: string) =>
      [...fs.readFileSync(path.join(import.meta.dirname, file), 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map(
        (m) => m[1],
      );
    expect(runtimeImports('preload.ts')).toEqual(['electron', './channels']);
    expect(runtimeImports('channels.ts')).toEqual([]);
  });
});
