/**
 * Hash routing by hand: "#/devices/abc?x=1" → { path: "/devices/abc", segments: ["devices", "abc"], query }.
 * Hash URLs work the same from app://kredslob/ (Electron) and from the HTTP server, with no server-side routes.
 */
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const pathPart = q === -1 ? raw : raw.slice(0, q);
  const segments = pathPart
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s; // why: a malformed %-escape in a typed URL must not crash the app
      }
    });
  return {
    path: '/' + segments.join('/'),
    segments,
    query: new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)),
  };
}

/** "#/devices/<id>?tag=…" from a path and optional query values (empty values are left out). */
export function href(path: string, query?: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

/** Query writes waiting for typing to pause (writeQueryLater); navigate() does them before it leaves. */
const pendingQueryWrites = new Set<() => void>();

export function navigate(path: string, query?: Record<string, string | number | undefined>): void {
  // The history entry left behind must hold what the page's fields show now: a scan that opens a device right
  // after putting a field back (wedge-listener's restore) would otherwise leave there whatever an earlier
  // write caught mid-scan, and Back would bring that text back.
  for (const write of [...pendingQueryWrites]) write();
  window.location.hash = href(path, query);
}

export interface PendingQueryWrite {
  /** Does the write now if it is still pending (e.g. as the field loses focus). */
  flush(): void;
  /** Drops it (a newer write replaces it, or the screen goes). */
  cancel(): void;
}

/**
 * Runs `write` (a replaceQuery) after `delayMs`, or sooner when navigate() leaves the page or `flush` is called;
 * at most once. For a field whose text follows into the URL only once typing pauses.
 */
export function writeQueryLater(write: () => void, delayMs: number): PendingQueryWrite {
  const run = () => {
    cancel();
    write();
  };
  const timer = window.setTimeout(run, delayMs);
  function cancel() {
    window.clearTimeout(timer);
    pendingQueryWrites.delete(run);
  }
  pendingQueryWrites.add(run);
  return {
    flush: () => {
      if (pendingQueryWrites.has(run)) run();
    },
    cancel,
  };
}

/**
 * Change the query of the current page without a new history entry or a re-route (e.g. search filters). With
 * `onlyOn`, only while that page is still shown: a write left pending when the person went elsewhere (a search
 * field's blur as its screen goes) must not give the next page the last one's query.
 */
export function replaceQuery(query: Record<string, string | number | undefined>, onlyOn?: string): void {
  const { path } = parseHash(window.location.hash);
  if (onlyOn !== undefined && path !== onlyOn) return;
  const next = href(path, query);
  if (next !== window.location.hash) window.history.replaceState(window.history.state, '', next);
}

/**
 * The bare address ("", "#", "#/") goes to the person's `home` screen, without a history entry. Only while it is
 * still bare: the signed-in layout asks after it has painted, and by then a link followed or an address typed
 * may have moved on (a test's goto right after sign-in did, on a busy machine), which must not be undone.
 */
export function leaveRoot(home: string): void {
  if (parseHash(window.location.hash).segments.length === 0) window.location.replace(href(home));
}

export function devicePath(id: string): string {
  return `/devices/${encodeURIComponent(id)}`;
}

/** The batch page (E-affald). */
export function batchPath(id: string): string {
  return `/batches/${encodeURIComponent(id)}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return useMemo(() => parseHash(hash), [hash]);
}

/**
 * writeQueryLater for a screen: each new `key` (the query as a value) replaces the pending write with `write`,
 * and the screen going drops it. Returns flush, for the search form's blur.
 */
export function useQueryWriteLater(write: () => void, delayMs: number, key: string): () => void {
  const pending = useRef<PendingQueryWrite>(undefined);
  useEffect(() => {
    const p = writeQueryLater(write, delayMs);
    pending.current = p;
    return p.cancel;
    // `key` is the query `write` writes, as a value (`write` is a new closure every render): a new write only
    // when the query really changed.
  }, [key, delayMs]);
  return useCallback(() => pending.current?.flush(), []);
}
