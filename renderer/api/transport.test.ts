/** The browser's file download over HTTP: progress in rows as the CSV arrives, the file saved once complete, refusals as errors. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fileNameOf, httpTransport, type FileProgress } from './transport';

const saved = vi.hoisted(() => ({ files: [] as { content: Blob; type: string; name: string }[] }));
vi.mock('../download', () => ({
  saveFile: (content: Blob, type: string, name: string) => saved.files.push({ content, type, name }),
}));

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });
}

beforeEach(() => {
  saved.files.length = 0;
  vi.unstubAllGlobals();
});

describe('httpTransport.saveFile', () => {
  it('posts the call to /download/, counts CSV rows as they arrive and saves the whole file under its name', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
      new Response(streamOf(['\uFEFFa;b\r\n1;2\r\n', '3;4\r\n5;', '6\r\n']), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="kredslob-statistik-_.csv"; filename*=UTF-8''kredslob-statistik-%C3%A6.csv`,
          'x-export-rows': '3',
        },
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const progress: FileProgress[] = [];
    const result = await httpTransport().saveFile('stats.export', { file: 'devices_csv' }, { token: 't', locale: 'da' }, (p) => progress.push(p));
    expect(fetch.mock.calls[0]![0]).toBe('/download/stats.export');
    expect(fetch.mock.calls[0]![1].headers).toMatchObject({ authorization: 'Bearer t', 'accept-language': 'da' });
    expect(progress).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
      { done: 3, total: 3 },
    ]);
    expect(result).toEqual({ ok: true, data: { saved: true, fileName: 'kredslob-statistik-æ.csv', rows: 3 } });
    expect(saved.files).toHaveLength(1);
    // Bytes, not text: decoding would drop the byte-order mark Excel needs.
    expect(Buffer.from(await saved.files[0]!.content.arrayBuffer()).toString('hex')).toBe(Buffer.from('\uFEFFa;b\r\n1;2\r\n3;4\r\n5;6\r\n').toString('hex'));
  });

  it('passes a refusal on as the error and saves nothing', async () => {
    const error = { code: 'VALIDATION', message: 'Tjek felterne', fields: { file: 'Ugyldig værdi' } };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ ok: false, error }), { status: 400, headers: { 'content-type': 'application/json' } }));
    const result = await httpTransport().saveFile('stats.export', {}, { locale: 'da' }, () => {});
    expect(result).toEqual({ ok: false, error });
    expect(saved.files).toHaveLength(0);
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, else the plain one', () => {
    expect(fileNameOf(`attachment; filename="a_b.csv"; filename*=UTF-8''a%C3%B8b.csv`)).toBe('aøb.csv');
    expect(fileNameOf('attachment; filename="plain.xlsx"')).toBe('plain.xlsx');
    expect(fileNameOf(null)).toBeUndefined();
  });
});

describe('httpTransport when the server cannot be reached (issue 13)', () => {
  const meta = { locale: 'da' as const };
  const unreachable = { ok: false, error: { code: 'SERVER_UNREACHABLE', message: 'Serveren kan ikke nås. Tjek netværksforbindelsen, og prøv igen.' } };

  it('says SERVER_UNREACHABLE when the network fails, never a success', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await httpTransport().call('devices.checkIn', { assetTag: 'KK-0000001' }, meta)).toEqual(unreachable);
    expect(await httpTransport().photo('d1', 'a'.repeat(64), meta)).toEqual(unreachable);
  });

  it('says SERVER_UNREACHABLE when no answer comes within the time limit', async () => {
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    expect(await httpTransport('', 30).call('session.me', {}, meta)).toEqual(unreachable);
  });

  it("says SERVER_UNREACHABLE for a proxy's 502, 503 and 504 pages and for an answer that is not the server's JSON", async () => {
    for (const status of [502, 503, 504]) {
      vi.stubGlobal('fetch', async () => new Response('<html>Bad Gateway</html>', { status, headers: { 'content-type': 'text/html' } }));
      expect(await httpTransport().call('session.me', {}, meta), `status ${status}`).toEqual(unreachable);
    }
    vi.stubGlobal('fetch', async () => new Response('<html>Log ind på netværket</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(await httpTransport().call('session.me', {}, meta)).toEqual(unreachable);
  });

  it("passes the core's own refusals on, whatever their status", async () => {
    const error = { code: 'STORE_LOCKED', message: 'Låst' };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ ok: false, error }), { status: 423, headers: { 'content-type': 'application/json' } }));
    expect(await httpTransport().call('session.me', {}, meta)).toEqual({ ok: false, error });
  });
});
