import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Dispatcher } from '../core/api/dispatch';
import { bindIpc, createSenderCheck, EVENT_CHANNEL, INVOKE_CHANNEL, sendEvent } from './ipc';

const INDEX = 'app://kredslob/index.html';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  const ourContents = { id: 1 };
  const dispatch = vi.fn<Dispatcher>(async () => ({ ok: true, data: { users: [] } }));
  // why: our window's webContents is only compared by identity; a real one needs a running Electron
  const check = createSenderCheck(INDEX, () => [ourContents as unknown as WebContents]);
  // why: bindIpc uses only handle/removeHandler of ipcMain
  const unbind = bindIpc(ipcMain as unknown as IpcMain, dispatch, check);
  const call = (event: object, ...args: unknown[]) => {
    const handler = handlers.get(INVOKE_CHANNEL);
    if (!handler) throw new Error('no handler bound');
    return handler(event as IpcMainInvokeEvent, ...args);
  };
  const fromOurWindow = (url = `${INDEX}#/devices`) => ({ sender: ourContents, senderFrame: { url, parent: null } });
  return { handlers, dispatch, call, unbind, ourContents, fromOurWindow };
}

describe('kredslob:invoke', () => {
  it('passes a call from our own page to the core and returns its answer', async () => {
    const { call, dispatch, fromOurWindow } = setup();
    const result = await call(fromOurWindow(), 'session.profiles', { a: 1 }, { token: 't-1', locale: 'da' });
    expect(result).toEqual({ ok: true, data: { users: [] } });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('session.profiles', { a: 1 }, { token: 't-1', locale: 'da' });
  });

  it('passes on only token and locale from meta', async () => {
    const { call, dispatch, fromOurWindow } = setup();
    await call(fromOurWindow(), 'session.me', {}, { locale: 'en', role: 'admin', __proto__: { token: 'x' } });
    expect(dispatch.mock.calls[0]?.[2]).toStrictEqual({ locale: 'en' });
  });

  it.each([
    ['an unknown page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['another local file', { senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ['a sub-frame of our page', { senderFrame: { url: INDEX, parent: { url: INDEX } } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses a call from %s with UNTRUSTED_SENDER, without reaching the core', async (_name, frame) => {
    const { call, dispatch, ourContents } = setup();
    const result = await call({ sender: ourContents, ...frame }, 'session.profiles', {}, { locale: 'da' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call from a webContents that is not one of our windows, even showing our page', async () => {
    const { call, dispatch } = setup();
    const result = await call({ sender: { id: 99 }, senderFrame: { url: INDEX, parent: null } }, 'session.profiles', {}, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a frame whose URL can no longer be read', async () => {
    const { call, dispatch, ourContents } = setup();
    const frame = {
      parent: null,
      get url(): string {
        throw new Error('Render frame was disposed');
      },
    };
    const result = await call({ sender: ourContents, senderFrame: frame }, 'session.profiles', {}, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([
    ['not a string', 42],
    ['missing', undefined],
    ['empty', ''],
    ['over 100 characters', 'devices.' + 'x'.repeat(93)],
  ])('refuses a procedure name that is %s with BAD_REQUEST', async (_name, procedure) => {
    const { call, dispatch, fromOurWindow } = setup();
    const result = await call(fromOurWindow(), procedure, {}, { locale: 'da' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'Forespørgslen er ugyldig. Ugyldigt procedurenavn.' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts a procedure name of exactly 100 characters', async () => {
    const { call, dispatch, fromOurWindow } = setup();
    await call(fromOurWindow(), 'x'.repeat(100), {}, {});
    expect(dispatch).toHaveBeenCalledOnce();
  });

  it.each([
    ['null', null],
    ['a string', 'da'],
    ['an array', []],
    ['a numeric token', { token: 123 }],
    ['an object locale', { locale: { toString: () => 'da' } }],
  ])('refuses meta that is %s with BAD_REQUEST', async (_name, meta) => {
    const { call, dispatch, fromOurWindow } = setup();
    const result = await call(fromOurWindow(), 'session.profiles', {}, meta);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers in English when the caller asks for English', async () => {
    const { call } = setup();
    const result = await call({ sender: { id: 5 }, senderFrame: null }, 'session.profiles', {}, { locale: 'en' });
    expect(result).toEqual({ ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'The call does not come from a Kredsløb window.' } });
  });

  it('turns an unexpected throw into INTERNAL plain data', async () => {
    const { call, dispatch, fromOurWindow } = setup();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    dispatch.mockRejectedValueOnce(new Error('boom'));
    const result = await call(fromOurWindow(), 'session.profiles', {}, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    spy.mockRestore();
  });

  it('binds one channel and unbinds it', () => {
    const { handlers, unbind } = setup();
    expect([...handlers.keys()]).toEqual(['kredslob:invoke']);
    unbind();
    expect(handlers.size).toBe(0);
  });
});

describe('sendEvent', () => {
  it('sends {event, payload} on kredslob:event', () => {
    const contents = { send: vi.fn(), isDestroyed: () => false };
    sendEvent(contents, 'reservations.expired', { id: 'r-1' });
    expect(contents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, { event: 'reservations.expired', payload: { id: 'r-1' } });
    expect(EVENT_CHANNEL).toBe('kredslob:event');
  });

  it('does nothing for a closed window', () => {
    const contents = { send: vi.fn(), isDestroyed: () => true };
    sendEvent(contents, 'x', 1);
    expect(contents.send).not.toHaveBeenCalled();
  });
});
