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
  const multipart = options.body instanceof FormData;
  // A multipart body sets its own Content-Type with the boundary.
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  const response = await send(path, options, {
    method,
    headers,
    credentials: 'same-origin',
    body:
      options.body === undefined
        ? undefined
        : options.body instanceof FormData
          ? options.body
          : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sends a request; a failed answer becomes an ApiError, and a lost session ends it everywhere. */
async function send(path: string, options: RequestOptions, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), init);
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
  return response;
}

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file from the API (with the language and the session, unlike a plain link) and
 * hands it to the browser to save. Resolves with the response headers once the save has started.
 */
export async function apiDownload(
  path: string,
  options: Pick<RequestOptions, 'query'> & { fallbackName: string },
): Promise<Headers> {
  const response = await send(path, options, {
    method: 'GET',
    headers: { 'Accept-Language': state.language },
    credentials: 'same-origin',
  });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(response, options.fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the blob once the click is handled; keep it a moment for slow devices.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return response.headers;
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
  /** false when more records match than the server counted: `total` is then a lower bound. */
  totalExact?: boolean;
  page: number;
  pageSize: number;
}
