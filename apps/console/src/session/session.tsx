import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { VIEWER } from '../api/documents';
import { type ApiError, request, type Variables, whenUnauthenticated } from '../api/graphql-client';
import { LiveConnection } from '../api/live-connection';
import type { Viewer } from '../api/types';

const TOKEN_KEY = 'coop.token';

export interface Session {
  readonly viewer: Viewer;
  readonly live: LiveConnection;
  readonly request: <Data>(query: string, variables?: Variables) => Promise<Data>;
  readonly signOut: () => void;
}

export type SessionState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'signed-out'; readonly error: ApiError | null }
  | { readonly kind: 'signed-in'; readonly session: Session };

interface SessionControl {
  readonly state: SessionState;
  /** Checks the token with the API (`viewer`) and keeps it for this tab. */
  readonly signIn: (token: string) => Promise<void>;
}

const SessionContext = createContext<SessionControl | null>(null);

async function open(token: string, signOut: () => void): Promise<Session> {
  const { viewer } = await request<{ viewer: Viewer }>(token, VIEWER);
  return {
    viewer,
    live: new LiveConnection(token),
    request: (query, variables) => request(token, query, variables),
    signOut,
  };
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>(() =>
    sessionStorage.getItem(TOKEN_KEY) ? { kind: 'checking' } : { kind: 'signed-out', error: null },
  );

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setState({ kind: 'signed-out', error: null });
  }, []);

  const signIn = useCallback(
    async (token: string) => {
      const session = await open(token, signOut);
      sessionStorage.setItem(TOKEN_KEY, token);
      setState({ kind: 'signed-in', session });
    },
    [signOut],
  );

  useEffect(() => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token === null) return;
    signIn(token).catch((error: ApiError) => {
      sessionStorage.removeItem(TOKEN_KEY);
      setState({ kind: 'signed-out', error });
    });
  }, [signIn]);

  // A token that expires while the console is open: back to sign-in, saying why.
  useEffect(() => {
    whenUnauthenticated((error) => {
      // Only a session that was open ends here; a token refused at sign-in is the sign-in form's error.
      setState((current) => {
        if (current.kind !== 'signed-in') return current;
        sessionStorage.removeItem(TOKEN_KEY);
        return { kind: 'signed-out', error };
      });
    });
  }, []);

  const live = state.kind === 'signed-in' ? state.session.live : null;
  useEffect(() => () => live?.dispose(), [live]);

  const control = useMemo(() => ({ state, signIn }), [state, signIn]);
  return <SessionContext.Provider value={control}>{children}</SessionContext.Provider>;
}

export function useSessionControl(): SessionControl {
  const control = useContext(SessionContext);
  if (control === null) throw new Error('useSessionControl outside SessionProvider');
  return control;
}

/** The signed-in session; only pages shown to a signed-in viewer call it. */
export function useSession(): Session {
  const { state } = useSessionControl();
  if (state.kind !== 'signed-in') throw new Error('useSession without a signed-in viewer');
  return state.session;
}

export function isSecretariat(viewer: Viewer): boolean {
  return viewer.roles.includes('SECRETARIAT');
}

/** A focal point of that country: who acts for it (responds, requests, leads, updates its profile). */
export function isFocalPointOf(viewer: Viewer, country: string): boolean {
  return viewer.country?.code === country && viewer.roles.includes('FOCAL_POINT');
}

export function isFocalPoint(viewer: Viewer): boolean {
  return viewer.country !== null && viewer.roles.includes('FOCAL_POINT');
}
