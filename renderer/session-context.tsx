/**
 * Who is working: the chosen profile and its session token. Kept in sessionStorage so a reload keeps the
 * profile while a new window starts at the profile picker.
 *
 * Shared mode (issue 13): people sign in with e-mail and password. In a browser the session is an HttpOnly cookie
 * (the token in the answer is empty), so nothing is stored here: a reload asks the server who is signed in.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { User, type CoreMode } from '../shared/schemas';
import { client, setUnauthenticatedHandler } from './api/instance';
import { readStored, STORAGE_KEYS, writeStored } from './storage';

export interface SessionInfo {
  token: string;
  user: User;
}

interface SessionContextValue {
  session: SessionInfo | undefined;
  /** True when the last session ended because the core no longer knew it. */
  expired: boolean;
  signIn(userId: string): Promise<void>;
  /** How people sign in here (auth.methods); undefined until the core has said. */
  methods: { mode: CoreMode; oidc: { enabled: boolean; name?: string | undefined } } | undefined;
  /** Work as `user` with a session the core has already started (first start's setup signs its admin in). */
  begin(session: SessionInfo): void;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

function loadStored(): SessionInfo | undefined {
  const raw = readStored('session', STORAGE_KEYS.session);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { token?: unknown; user?: unknown }; // why: checked field by field below
    const user = User.safeParse(parsed.user);
    if (typeof parsed.token !== 'string' || !user.success) return undefined;
    return { token: parsed.token, user: user.data };
  } catch {
    return undefined;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | undefined>(() => {
    const s = loadStored();
    client.setToken(s?.token); // before any child calls the API
    return s;
  });
  const [expired, setExpired] = useState(false);
  const [methods, setMethods] = useState<SessionContextValue['methods']>();

  // Shared mode: learn it, and whether the browser's cookie still holds a session (a reload, a new tab).
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const m = await client.call('auth.methods', {});
        if (!live) return;
        if (m.mode === 'shared' && !loadStored()) {
          const me = await client.call('session.me', {}).catch(() => undefined);
          if (live && me) setSession({ token: '', user: me.user });
        }
        if (live) setMethods(m);
      } catch {
        // why: an unreachable core shows the picker's own load error; standalone is the safe assumption
        if (live) setMethods({ mode: 'standalone', oidc: { enabled: false } });
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const forget = useCallback(() => {
    client.setToken(undefined);
    writeStored('session', STORAGE_KEYS.session, undefined);
    setSession(undefined);
  }, []);

  // Switching profile ends the session in the core too, so the token left in this tab's storage is worthless.
  // The picker shows at once; a failed sign-out (the core already forgot the session) changes nothing for the person.
  const signOut = useCallback(() => {
    void client.call('session.signOut', {}).catch(() => undefined);
    forget();
  }, [forget]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      forget();
      setExpired(true);
    });
    return () => setUnauthenticatedHandler(undefined);
  }, [forget]);

  const begin = useCallback(({ token, user }: SessionInfo) => {
    client.setToken(token || undefined);
    // An empty token: the session is the browser's cookie, nothing to keep here.
    writeStored('session', STORAGE_KEYS.session, token ? JSON.stringify({ token, user }) : undefined);
    setExpired(false);
    setSession({ token, user });
  }, []);

  const signIn = useCallback(async (userId: string) => begin(await client.call('session.signIn', { userId })), [begin]);

  const value = useMemo(() => ({ session, expired, signIn, methods, begin, signOut }), [session, expired, signIn, methods, begin, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for components rendered behind the profile picker. */
export function useUser(): User {
  const s = useSession().session;
  if (!s) throw new Error('useUser without a signed-in profile');
  return s.user;
}
