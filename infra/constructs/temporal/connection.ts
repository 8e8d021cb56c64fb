import { type IConnectable } from 'aws-cdk-lib/aws-ec2';
import { type Secret } from 'aws-cdk-lib/aws-ecs';
import { type TemporalMode } from '../../config/schema';
import { type TemporalClient } from './credential-fields';

/** How a worker or the API reaches Temporal, whichever mode the environment runs. */
export interface TemporalConnection {
  readonly mode: TemporalMode;
  readonly namespace: string;
  /** host:port of the frontend (self-hosted) or the Temporal Cloud endpoint. */
  readonly address: string;
  /** Plain settings (address, namespace, TLS server name), named after Temporal's env config. */
  readonly clientEnvironment: Readonly<Record<string, string>>;
  /** Credentials and certificates of one client (its own, self-hosted), injected by ECS from Secrets Manager. */
  clientSecretsFor(
    client: Extract<TemporalClient, 'worker' | 'fetcher' | 'api'>,
  ): Readonly<Record<string, Secret>>;
  /** Outbound ports a client needs to the internet (Temporal Cloud listens on 7233). */
  readonly externalEgressPorts: readonly number[];
  /** Opens the network path from a client to the frontend; the rules live in the client's stack. */
  allowClient(client: IConnectable): void;
}
