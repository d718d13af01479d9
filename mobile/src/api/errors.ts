/**
 * RFC 9457 problem details parsed into a typed error. The UI never shows `detail` or `title` from the
 * server: it maps `code` to a sentence of its own (see src/i18n).
 */
export interface FieldError {
  field: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, fields: FieldError[] = [], retryAfterSeconds: number | null = null) {
    super(`API error ${status} ${code}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Code used when the request never got an answer (offline, DNS, TLS, refused connection). */
export const NETWORK_ERROR = 'network_error';
/** Code used when a server answered an error without a usable problem document. */
export function fallbackCode(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'unknown_error';
}

const CODE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** Builds the ApiError from an already-read problem document (or anything else a server sent). */
export function problemFromBody(status: number, body: unknown, retryAfterHeader: string | null = null): ApiError {
  let code = fallbackCode(status);
  let fields: FieldError[] = [];
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : null;
  if (body !== null && typeof body === 'object') {
    const problem = body as { code?: unknown; errors?: unknown };
    if (typeof problem.code === 'string' && CODE_PATTERN.test(problem.code)) code = problem.code;
    if (Array.isArray(problem.errors)) {
      fields = problem.errors
        .filter((e): e is { field: string } => !!e && typeof (e as { field?: unknown }).field === 'string')
        .map((e) => ({ field: e.field }));
    }
  }
  return new ApiError(status, code, fields, retryAfter);
}

/** Reads a failed response into an ApiError; never throws itself. */
export async function parseProblem(response: Response): Promise<ApiError> {
  let body: unknown = null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null; // not JSON after all: keep the fallback code
    }
  }
  return problemFromBody(response.status, body, response.headers.get('Retry-After'));
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Any thrown value → the code the UI shows a sentence for. */
export function errorCode(e: unknown): string {
  if (e instanceof ApiError) return e.code;
  return NETWORK_ERROR;
}
