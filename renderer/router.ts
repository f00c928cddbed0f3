/**
 * Hash routing by hand: "#/devices/abc?x=1" → { path: "/devices/abc", segments: ["devices", "abc"], query }.
 * Hash URLs work the same from app://kredslob/ (Electron) and from the HTTP server, with no server-side routes.
 */
import { useMemo, useSyncExternalStore } from 'react';

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

export function navigate(path: string, query?: Record<string, string | number | undefined>): void {
  window.location.hash = href(path, query);
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
