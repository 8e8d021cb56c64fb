import { startPlatformSimulator, type PlatformSimulatorConfig } from './platform-simulator';
import { startPoliceSimulator } from './police-simulator';
import { startPublishingSimulator } from './publishing-simulator';
import { startSmtpSink } from './smtp-sink';
import { startWebhookSink } from './webhook-sink';

export interface SimulatorPorts {
  platform?: number;
  police?: number;
  publishing?: number;
  webhook?: number;
  smtp?: number;
  smtpApi?: number;
}

export interface SimulatorOptions {
  host?: string;
  ports?: SimulatorPorts;
  platform?: PlatformSimulatorConfig;
  /** HMAC secret the webhook sink checks; matches localActivitiesConfig's webhook secret by default. */
  webhookSecret?: string;
}

/** Base URLs by name; the keys match the integration harness's `servers.extras`. */
export interface SimulatorUrls {
  platformSimulator: string;
  policeSimulator: string;
  publishingSimulator: string;
  webhookSink: string;
  /** smtp://host:port */
  smtpSink: string;
  /** HTTP API of the SMTP sink (GET /messages, GET /_log). */
  smtpSinkApi: string;
}

export interface RunningSimulators {
  urls: SimulatorUrls;
  stop(): Promise<void>;
}

/** Starts every simulator in this process, each on its own port (0 = any free port). */
export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  const host = options.host ?? '127.0.0.1';
  const ports = options.ports ?? {};
  const started: { stop(): Promise<void> }[] = [];
  const track = <T extends { stop(): Promise<void> }>(server: T): T => {
    started.push(server);
    return server;
  };
  const stop = async () => {
    await Promise.allSettled(started.splice(0).map((server) => server.stop()));
  };
  try {
    const platform = track(
      await startPlatformSimulator(options.platform ?? {}, { host, port: ports.platform }),
    );
    const police = track(await startPoliceSimulator({ host, port: ports.police }));
    const publishing = track(await startPublishingSimulator({ host, port: ports.publishing }));
    const webhook = track(
      await startWebhookSink(
        { secret: options.webhookSecret ?? 'local-webhook-secret' },
        { host, port: ports.webhook },
      ),
    );
    const smtp = track(await startSmtpSink({ host, smtpPort: ports.smtp, apiPort: ports.smtpApi }));
    return {
      urls: {
        platformSimulator: platform.url,
        policeSimulator: police.url,
        publishingSimulator: publishing.url,
        webhookSink: webhook.url,
        smtpSink: smtp.smtpUrl,
        smtpSinkApi: smtp.apiUrl,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
