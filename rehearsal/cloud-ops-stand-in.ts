import crypto from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import {
  CLOUD_OPS_API_VERSION,
  CLOUD_OPS_API_VERSION_HEADER,
  type CloudNamespaceSpec,
  UpdateNamespaceRequest,
} from '../config/temporal-cloud-ops';

export interface CloudOpsStandIn {
  readonly url: string;
  /** The namespace's current spec (what a GET answers). */
  spec(): CloudNamespaceSpec;
  /** Every request it answered, and why it refused those it refused. */
  readonly requests: { method: string; path: string; status: number; refusal?: string }[];
  close(): Promise<void>;
}

/**
 * A stand-in for the Temporal Cloud Ops API (HTTP/JSON mapping, config/temporal-cloud-ops.ts) that holds one
 * namespace and behaves as the real one is documented to: the API key as a bearer token and the API version header
 * on every request; UpdateNamespace replaces the whole spec, only at the current resourceVersion, and may neither
 * delete a search attribute nor change its type; the update applies through an async operation that is in progress
 * at the first check. Requests are parsed with the same zod schemas as the registration task's.
 */
export async function startCloudOpsStandIn(options: {
  namespace: string;
  apiKey: string;
  initialSpec: CloudNamespaceSpec;
}): Promise<CloudOpsStandIn> {
  // Plain JSON copies throughout: the comparison below must not depend on which realm built an object (jest's vm).
  const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  let spec: CloudNamespaceSpec = json(options.initialSpec);
  let version = 1;
  const operations = new Map<string, { checks: number; apply: () => void }>();
  const requests: CloudOpsStandIn['requests'] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
      const answer = (status: number, body: unknown, refusal?: string) => {
        requests.push({ method: req.method ?? '?', path, status, ...(refusal ? { refusal } : {}) });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      const refuse = (status: number, message: string) => answer(status, { code: status, message }, message);
      if (req.headers.authorization !== `Bearer ${options.apiKey}`) return refuse(401, 'invalid API key');
      if (req.headers[CLOUD_OPS_API_VERSION_HEADER] !== CLOUD_OPS_API_VERSION) {
        return refuse(400, `${CLOUD_OPS_API_VERSION_HEADER} must be ${CLOUD_OPS_API_VERSION}`);
      }
      const namespacePath = `/cloud/namespaces/${options.namespace}`;
      if (req.method === 'GET' && path === namespacePath) {
        return answer(200, {
          namespace: {
            namespace: options.namespace,
            resourceVersion: String(version),
            spec,
            state: 'active',
          },
        });
      }
      if (req.method === 'POST' && path === namespacePath) {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return refuse(400, 'body is not JSON');
        }
        const parsed = UpdateNamespaceRequest.safeParse(body);
        if (!parsed.success) return refuse(400, `invalid UpdateNamespaceRequest: ${parsed.error.message}`);
        const update = parsed.data;
        if (update.namespace !== options.namespace) return refuse(400, 'namespace in body differs from path');
        if (update.resourceVersion !== String(version)) return refuse(409, 'resource version mismatch');
        const { searchAttributes: before = {}, ...otherBefore } = spec;
        const { searchAttributes: after = {}, ...otherAfter } = update.spec;
        if (!isDeepStrictEqual(json(otherBefore), json(otherAfter))) {
          return refuse(
            400,
            `the update changes or drops spec fields other than searchAttributes: had ${JSON.stringify(otherBefore)}, got ${JSON.stringify(otherAfter)}`,
          );
        }
        for (const [name, type] of Object.entries(before)) {
          if (after[name] !== type)
            return refuse(400, `search attribute ${name} cannot be deleted or retyped`);
        }
        const id = update.asyncOperationId ?? crypto.randomUUID();
        const next = json(update.spec);
        operations.set(id, {
          checks: 0,
          apply: () => {
            spec = next;
            version += 1;
          },
        });
        return answer(200, { asyncOperation: { id, state: 'STATE_PENDING', checkDuration: '0.2s' } });
      }
      const operation = /^\/cloud\/operations\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && operation) {
        const found = operations.get(decodeURIComponent(operation[1]!));
        if (!found) return refuse(404, 'no such operation');
        found.checks += 1;
        if (found.checks === 1) {
          return answer(200, {
            asyncOperation: { id: operation[1], state: 'STATE_IN_PROGRESS', checkDuration: '0.2s' },
          });
        }
        if (found.checks === 2) found.apply();
        return answer(200, { asyncOperation: { id: operation[1], state: 'STATE_FULFILLED' } });
      }
      return refuse(404, `no route ${req.method} ${path}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spec: () => spec,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
