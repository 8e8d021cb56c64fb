import dns2 from 'dns2';

const { Packet } = dns2;

/** Answers for one name: fixed records, or a function of how many A questions for it came before (rebinding). */
export interface ZoneEntry {
  a?: string[] | ((askedBefore: number) => string[]);
  aaaa?: string[];
}

export interface TestDnsServer {
  /** 127.0.0.1:PORT, for Resolver.setServers. */
  server: string;
  /** A questions received per name. */
  aQueries: Map<string, number>;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A real DNS server (dns2, UDP) on 127.0.0.1 answering from a zone given in code, TTL 0, so tests point
 * the fetcher's resolver at names that resolve to hostile addresses, or that change their answer.
 */
export async function startTestDnsServer(zone: Record<string, ZoneEntry>): Promise<TestDnsServer> {
  const aQueries = new Map<string, number>();
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      for (const question of request.questions) {
        const name = question.name.toLowerCase().replace(/\.$/, '');
        const entry = zone[name];
        if (!entry) continue;
        if (question.type === Packet.TYPE.A) {
          const before = aQueries.get(name) ?? 0;
          aQueries.set(name, before + 1);
          const addresses = typeof entry.a === 'function' ? entry.a(before) : (entry.a ?? []);
          for (const address of addresses)
            response.answers.push(Packet.createResourceFromQuestion(question, { ttl: 0, address }));
        }
        if (question.type === Packet.TYPE.AAAA) {
          for (const address of entry.aaaa ?? [])
            response.answers.push(Packet.createResourceFromQuestion(question, { ttl: 0, address }));
        }
      }
      void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  return {
    server: `127.0.0.1:${addresses.udp?.port ?? 0}`,
    aQueries,
    reset: () => aQueries.clear(),
    close: () => server.close(),
  };
}
