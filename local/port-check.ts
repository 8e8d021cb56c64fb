import net from 'node:net';
import type { LocalSettings } from './local-settings';
import { localSimulatorPorts } from './local-config';

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Fails before anything starts when a port is taken, naming the variable that moves it. */
export async function assertPortsFree(settings: LocalSettings): Promise<void> {
  const ports: [string, number][] = [
    ['SARING_TEMPORAL_PORT', settings.SARING_TEMPORAL_PORT],
    ['SARING_TEMPORAL_UI_PORT', settings.SARING_TEMPORAL_UI_PORT],
    ['SARING_S3_PORT', settings.SARING_S3_PORT],
    ...Object.values(localSimulatorPorts(settings))
      .filter((port) => port !== settings.SARING_SMTP_PORT)
      .map((port): [string, number] => ['SARING_SIMULATOR_PORT (and the 4 ports after it)', port]),
    ['SARING_SMTP_PORT', settings.SARING_SMTP_PORT],
    ['SARING_API_PORT', settings.SARING_API_PORT],
    ['SARING_OIDC_PORT', settings.SARING_OIDC_PORT],
  ];
  const taken: string[] = [];
  for (const [name, port] of ports) if (!(await isPortFree(port))) taken.push(`${port} (${name})`);
  if (taken.length > 0) {
    throw new Error(
      `Port(s) already in use: ${taken.join(', ')}. Is Saring already running? Stop it, or set the variable(s) to free ports, e.g. SARING_API_PORT=18080 npm start.`,
    );
  }
}
