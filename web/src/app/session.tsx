import type { LoginInput, MfaChallenge, Permission, SessionInfo } from '@sinergi/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, apiRequest, apiState } from './api-client';
import { allowDraftsOf, clearDrafts } from './device-drafts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unreachable'; error: unknown }
  | { status: 'signedOut'; reason: 'expired' | 'signedOut' | null }
  /** The password was right; a code (verify) or setting up two-step verification (enrol) is due. */
  | { status: 'secondStep'; step: MfaChallenge['mfa'] }
  | { status: 'signedIn'; info: SessionInfo };

interface SessionContextValue {
  state: SessionState;
  signIn(input: LoginInput): Promise<void>;
  /** Finishes a sign-in whose second step the server has just accepted. */
  completeSignIn(info: SessionInfo): void;
  signOut(): Promise<void>;
  /** Asks the server again (after a network failure, or to keep an idle session alive). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds who is signed in; any 401 from any request ends the session here. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const signedIn = useRef(false);

  const accept = useCallback((info: SessionInfo) => {
    // Drafts typed by someone else on this browser are not theirs to see.
    clearDrafts(info.user.id);
    allowDraftsOf(info.user.id);
    apiState.setCsrfToken(info.csrfToken);
    signedIn.current = true;
    setState({ status: 'signedIn', info });
  }, []);

  const end = useCallback(
    (reason: 'expired' | 'signedOut' | null) => {
      apiState.setCsrfToken(null);
      allowDraftsOf(null);
      signedIn.current = false;
      // Nothing one user loaded may be shown to the next one.
      queryClient.clear();
      // Drafts hold victims' identifying data on the device: signing out removes them. An expired
      // session keeps them for the same user, who signs in again to finish the form.
      if (reason === 'signedOut') clearDrafts();
      setState({ status: 'signedOut', reason });
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    try {
      accept(await apiRequest<SessionInfo>('/auth/me', { quietUnauthorized: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        end(signedIn.current || error.code === 'session_expired' ? 'expired' : null);
      } else {
        setState({ status: 'unreachable', error });
      }
    }
  }, [accept, end]);

  useEffect(() => {
    apiState.onSessionEnded(() => end('expired'));
    void refresh();
    return () => apiState.onSessionEnded(null);
  }, [end, refresh]);

  const signIn = useCallback(
    async (input: LoginInput) => {
      const answer = await apiRequest<SessionInfo | MfaChallenge>('/auth/login', {
        method: 'POST',
        body: input,
        quietUnauthorized: true,
      });
      queryClient.clear();
      if ('mfa' in answer && typeof answer.mfa === 'string') {
        apiState.setCsrfToken(answer.csrfToken);
        setState({ status: 'secondStep', step: answer.mfa });
        return;
      }
      accept(answer as SessionInfo);
    },
    [accept, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await apiRequest('/auth/logout', { method: 'POST', quietUnauthorized: true });
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    end('signedOut');
  }, [end]);

  const value = useMemo(
    () => ({ state, signIn, completeSignIn: accept, signOut, refresh }),
    [state, signIn, accept, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; only for components under the signed-in layout. */
export function useSessionInfo(): SessionInfo {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSessionInfo without a signed-in session');
  return state.info;
}

/** Whether the signed-in user holds a permission (the server decides again on every request). */
export function usePermission(permission: Permission): boolean {
  return useSessionInfo().permissions.includes(permission);
}

/** The time zone dates are shown in: the task force's, WITA when there is none. */
export function useTimeZone(): string {
  return useSessionInfo().taskForce?.timeZone ?? 'Asia/Makassar';
}
