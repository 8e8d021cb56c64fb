import diagnostics from 'node:diagnostics_channel';
import {
  boundedFetch,
  type BoundedFetchOptions,
  type BoundedResponse,
} from '../../../activities/http/bounded-fetch';
import { EgressRefusedError } from '../../../activities/http/egress-policy';
import { startLocalHttpServer, type LocalHttpServer } from '../servers/local-http-server';
import type { ConnectProbe } from '../../../activities/http/network-guard';

/** What one fetch attempt came to: the answer, or the refusal (anything else is rethrown by the caller's expect). */
export type Outcome = { ok: true; response: BoundedResponse } | { ok: false; error: unknown };

/**
 * Independent witnesses of what a fetch did on the network, from Node's and undici's diagnostics
 * channels (not from the guard): sockets created by net.connect, and connections undici established.
 */
export interface NetworkWitness {
  socketsCreated: number;
  connectionsEstablished: number;
}

/** Runs boundedFetch and records every address the guard released for a connection, and the witnesses. */
export async function attempt(
  url: string,
  options: Omit<BoundedFetchOptions, 'onConnect'>,
): Promise<{ outcome: Outcome; released: Parameters<ConnectProbe>[0][]; witness: NetworkWitness }> {
  const released: Parameters<ConnectProbe>[0][] = [];
  const witness: NetworkWitness = { socketsCreated: 0, connectionsEstablished: 0 };
  const onSocket = () => (witness.socketsCreated += 1);
  const onConnected = () => (witness.connectionsEstablished += 1);
  diagnostics.subscribe('net.client.socket', onSocket);
  diagnostics.subscribe('undici:client:connected', onConnected);
  try {
    const outcome = await boundedFetch(url, {
      ...options,
      onConnect: (target) => released.push(target),
    }).then(
      (response): Outcome => ({ ok: true, response }),
      (error: unknown): Outcome => ({ ok: false, error }),
    );
    return { outcome, released, witness };
  } finally {
    diagnostics.unsubscribe('net.client.socket', onSocket);
    diagnostics.unsubscribe('undici:client:connected', onConnected);
  }
}

export function refusalOf(outcome: Outcome): EgressRefusedError {
  if (outcome.ok)
    throw new Error(`expected a refusal, got HTTP ${outcome.response.status} from ${outcome.response.url}`);
  if (!(outcome.error instanceof EgressRefusedError))
    throw new Error(`expected an EgressRefusedError, got ${String(outcome.error)}`);
  return outcome.error;
}

export type AllowedServer = LocalHttpServer;

/**
 * The one server the tests' policy allows (127.0.0.1 on its port): /ok answers, /to?u=<url> redirects
 * to any URL (302), /chain/<n> redirects n more times to itself.
 */
export function startAllowedServer(): Promise<AllowedServer> {
  return startLocalHttpServer((url, _req, res) => {
    if (url.pathname === '/ok') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('allowed server');
      return;
    }
    if (url.pathname === '/to') {
      // Header values are bytes: non-ASCII (full-width digits, ideographic dots) is sent percent-encoded, as servers do.
      const location = (url.searchParams.get('u') ?? '/').replace(/[^\x20-\x7e]/gu, (ch) =>
        encodeURIComponent(ch),
      );
      res.writeHead(302, { location }).end();
      return;
    }
    const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
    if (chain) {
      const left = Number(chain[1]);
      res.writeHead(302, { location: left > 0 ? `/chain/${left - 1}` : '/ok' }).end();
      return;
    }
    res.writeHead(404).end();
  });
}
