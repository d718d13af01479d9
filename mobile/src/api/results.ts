import { ApiError, NETWORK_ERROR, problemFromBody } from './errors';

/** What an openapi-fetch call resolves to. */
export type Result<T> = { data?: T; error?: unknown; response: Response };

/** The body of a 2xx answer; anything else becomes an ApiError (network failure: code network_error). */
export async function unwrap<T>(promise: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await promise;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, NETWORK_ERROR);
  }
  if (!result.response.ok) {
    throw problemFromBody(result.response.status, result.error ?? null, result.response.headers.get('Retry-After'));
  }
  return result.data as T;
}
