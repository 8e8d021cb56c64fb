import { type z } from 'zod';
import { CASE_SEARCH_ATTRIBUTES } from '../../domain/search-attributes';
import {
  AsyncOperationResponse,
  CLOUD_OPS_API_VERSION,
  CLOUD_OPS_API_VERSION_HEADER,
  type CloudSearchAttributeType,
  GetNamespaceResponse,
  UpdateNamespaceRequest,
} from '../../config/temporal-cloud-ops';

export interface RegisterOptions {
  readonly baseUrl: string;
  readonly namespace: string;
  readonly apiKey: string;
  readonly log?: (line: string) => void;
  /** How long to wait for Temporal Cloud to apply the update. */
  readonly timeoutMs?: number;
}

/** The operation's own checkDuration, within sane bounds (default 5 s). */
function pollDelayMs(checkDuration: string | undefined): number {
  const seconds = checkDuration ? Number(checkDuration.slice(0, -1)) : 5;
  return Math.min(30_000, Math.max(200, seconds * 1000));
}

/** The case search attributes in the Cloud Ops API's spelling (SearchAttributeType.KEYWORD → SEARCH_ATTRIBUTE_TYPE_KEYWORD). */
export function requiredCloudSearchAttributes(): Record<string, CloudSearchAttributeType> {
  return Object.fromEntries(
    Object.values(CASE_SEARCH_ATTRIBUTES).map((key) => [
      key.name,
      `SEARCH_ATTRIBUTE_TYPE_${key.type}` as CloudSearchAttributeType,
    ]),
  );
}

/**
 * Adds the case search attributes that the Temporal Cloud namespace lacks (UpdateNamespace with the whole spec and
 * its resourceVersion), waits for the async operation, and reads the namespace back. Idempotent: with every
 * attribute present it changes nothing. An attribute present with another type is an error to resolve by hand
 * (Temporal Cloud cannot change a type or delete an attribute).
 */
export async function registerCloudSearchAttributes(options: RegisterOptions): Promise<string[]> {
  const log = options.log ?? console.log;
  const required = requiredCloudSearchAttributes();
  const current = await getNamespace(options);
  const existing = current.spec.searchAttributes ?? {};
  const conflicts = Object.entries(required).filter(
    ([name, type]) => existing[name] && existing[name] !== type,
  );
  if (conflicts.length > 0) {
    throw new Error(
      `Namespace ${options.namespace} has ${conflicts.map(([name, type]) => `${name} as ${existing[name]} (needs ${type})`).join(', ')}: Temporal Cloud cannot change a search attribute's type; rename it (RenameCustomSearchAttribute) or ask Temporal support, then run this task again.`,
    );
  }
  const missing = Object.keys(required).filter((name) => !existing[name]);
  if (missing.length === 0) {
    log(
      `namespace ${options.namespace}: all ${Object.keys(required).length} search attributes already registered`,
    );
    return [];
  }
  log(`namespace ${options.namespace}: adding ${missing.length} search attributes (${missing.join(', ')})`);
  const request = UpdateNamespaceRequest.parse({
    namespace: options.namespace,
    spec: {
      ...current.spec,
      searchAttributes: { ...existing, ...Object.fromEntries(missing.map((name) => [name, required[name]])) },
    },
    resourceVersion: current.resourceVersion,
  });
  const started = await call(
    options,
    'POST',
    namespacePath(options.namespace),
    AsyncOperationResponse,
    request,
  );
  await waitForOperation(options, started.asyncOperation.id, log);

  const after = (await getNamespace(options)).spec.searchAttributes ?? {};
  const stillMissing = Object.keys(required).filter((name) => after[name] !== required[name]);
  if (stillMissing.length > 0) {
    throw new Error(
      `Temporal Cloud reported the update done but namespace ${options.namespace} still lacks ${stillMissing.join(', ')}: run this task again; if it persists, check the namespace in the Temporal Cloud UI.`,
    );
  }
  log(`namespace ${options.namespace}: all ${Object.keys(required).length} search attributes registered`);
  return missing;
}

async function getNamespace(options: RegisterOptions) {
  const answer = await call(options, 'GET', namespacePath(options.namespace), GetNamespaceResponse);
  return answer.namespace;
}

async function waitForOperation(options: RegisterOptions, id: string, log: (line: string) => void) {
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  for (;;) {
    const { asyncOperation } = await call(
      options,
      'GET',
      `/cloud/operations/${encodeURIComponent(id)}`,
      AsyncOperationResponse,
    );
    if (asyncOperation.state === 'STATE_FULFILLED') return;
    if (asyncOperation.state === 'STATE_FAILED' || asyncOperation.state === 'STATE_CANCELLED') {
      throw new Error(
        `Temporal Cloud operation ${id} ${asyncOperation.state}: ${asyncOperation.failureReason ?? 'no reason given'}. Fix the cause, then run this task again.`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Temporal Cloud operation ${id} still ${asyncOperation.state} after the timeout: run this task again later.`,
      );
    }
    log(`  operation ${id}: ${asyncOperation.state}, waiting...`);
    await new Promise((resolve) => setTimeout(resolve, pollDelayMs(asyncOperation.checkDuration)));
  }
}

function namespacePath(namespace: string): string {
  return `/cloud/namespaces/${encodeURIComponent(namespace)}`;
}

async function call<T extends z.ZodType>(
  options: RegisterOptions,
  method: 'GET' | 'POST',
  path: string,
  schema: T,
  body?: unknown,
): Promise<z.infer<T>> {
  const url = new URL(path, options.baseUrl);
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${options.apiKey}`,
      [CLOUD_OPS_API_VERSION_HEADER]: CLOUD_OPS_API_VERSION,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) {
    const hint =
      response.status === 401 || response.status === 403
        ? ' (the API key must belong to a service account with Namespace Admin on this namespace)'
        : '';
    throw new Error(`${method} ${url.pathname} answered ${response.status}${hint}: ${text.slice(0, 300)}`);
  }
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${method} ${url.pathname} answered an unexpected shape: ${parsed.error.message}`);
  }
  return parsed.data;
}
