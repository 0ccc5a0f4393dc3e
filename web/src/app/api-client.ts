import { ERROR_MESSAGES, type ErrorCode, errorBodySchema, type Language } from '@sinergi/core';

/** An error answer of the API, or a network failure (`status` 0, code `network`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'unknown',
    message: string,
    readonly fields: Record<string, string> = {},
    readonly current: unknown = undefined,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message for an error in the chosen language, by its stable code. */
export function errorMessage(error: unknown, lang: Language, networkMessage: string): string {
  if (!isApiError(error)) return networkMessage;
  if (error.code === 'network') return networkMessage;
  if (error.code === 'unknown') return error.message;
  return ERROR_MESSAGES[error.code][lang];
}

const KNOWN_CODES = new Set<string>(Object.keys(ERROR_MESSAGES));

type SessionEndedListener = (code: 'session_expired' | 'unauthenticated') => void;

// Module state shared by every request: set by the session and the language switch.
const state: {
  csrfToken: string | null;
  language: Language;
  lastActivity: number;
  onSessionEnded: SessionEndedListener | null;
} = { csrfToken: null, language: 'id', lastActivity: Date.now(), onSessionEnded: null };

export const apiState = {
  setCsrfToken(token: string | null): void {
    state.csrfToken = token;
  },
  setLanguage(language: Language): void {
    state.language = language;
  },
  /** Called when any request finds the session gone (expired, revoked, or never there). */
  onSessionEnded(listener: SessionEndedListener | null): void {
    state.onSessionEnded = listener;
  },
  /** When the last request reached the server; the server's idle timer restarts on each one. */
  lastActivity(): number {
    return state.lastActivity;
  },
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  /** Do not treat a 401 as the end of the session (the sign-in call and the first session probe). */
  quietUnauthorized?: boolean;
  signal?: AbortSignal;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return new ApiError(response.status, 'unknown', response.statusText || 'Error');
  const { error, requestId } = parsed.data;
  const code = KNOWN_CODES.has(error.code) ? (error.code as ErrorCode) : 'unknown';
  return new ApiError(response.status, code, error.message, error.fields ?? {}, error.current, requestId);
}

/** Calls the API: cookie credentials, the chosen language, and the CSRF token on state changes. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': state.language,
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'Network error');
  }
  state.lastActivity = Date.now();
  if (!response.ok) {
    const error = await toApiError(response);
    if (
      response.status === 401 &&
      !options.quietUnauthorized &&
      (error.code === 'session_expired' || error.code === 'unauthenticated')
    ) {
      state.onSessionEnded?.(error.code);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A key that makes a repeated create (double click, retry) produce one record. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
