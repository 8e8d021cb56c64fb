import { Agent } from 'undici';
import { guardedLookup, type GuardContext } from './network-guard';

/**
 * An undici dispatcher for one hop whose every connection resolves its host through guardedLookup: the
 * address is checked at connect time and the socket is pinned to it. One per hop, because the port is
 * part of the rule; closed by the caller after the hop's body is read.
 */
export function guardedAgent(port: number, context: GuardContext, connectTimeoutMs: number): Agent {
  return new Agent({
    connect: { lookup: guardedLookup(port, context), timeout: connectTimeoutMs },
    connections: 1,
    pipelining: 0,
  });
}
