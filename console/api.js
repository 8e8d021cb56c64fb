// The console's only way to Saring: the same HTTP API the CLI uses, with the officer's access token.

import { accessToken } from './sign-in.js';

/** An error answer; `message` is the API's (or the workflow's) own words, shown to the officer as is. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function send(method, path, body) {
  const headers = { accept: 'application/json' };
  const token = await accessToken().catch(() => null);
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(
      0,
      'unreachable',
      `API tidak dapat dihubungi (${error.message}). Periksa jaringan lalu coba lagi.`,
    );
  }
  const text = await response.text();
  return { response, text };
}

export async function api(method, path, body) {
  const { response, text } = await send(method, path, body);
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = parsed && parsed.error;
    const apiError = new ApiError(
      response.status,
      error ? error.code : `http_${response.status}`,
      error ? error.message : text || response.statusText,
    );
    if (response.status === 401)
      window.dispatchEvent(new CustomEvent('saring:unauthenticated', { detail: apiError }));
    throw apiError;
  }
  return parsed;
}

export const get = (path) => api('GET', path);

/** The answer's exact text and headers (history exports: the digest covers these bytes). */
export async function getRaw(path) {
  const { response, text } = await send('GET', path);
  if (!response.ok) {
    await api('GET', path); // throws the API's error message
  }
  return { text, headers: response.headers };
}
export const post = (path, body) => api('POST', path, body ?? {});

/**
 * An API path with every interpolated value percent-encoded as one segment (or query value), so a case
 * id from the page's URL such as `../../api/admin` or `x?y#z` can never reach another route:
 * apiPath`/api/cases/${caseId}/actions/${name}`.
 */
export function apiPath(strings, ...values) {
  return strings.reduce(
    (path, text, index) =>
      path + text + (index < values.length ? encodeURIComponent(String(values[index])) : ''),
    '',
  );
}
