import { PoliceReceipt, type PolicePackage } from '../../domain/channels';
import type { EvidenceRecord } from '../../domain/evidence';
import { JsonChannelClient, type ChannelEndpoint } from '../http/json-channel-client';

/** What the police liaison receives: the package, plus the stored manifest that proves what was sent. */
export interface PoliceDelivery {
  package: PolicePackage;
  manifest: EvidenceRecord;
}

/** The police liaison channel (Humas Polda / Ditressiber): takes an evidence package, returns a reference. */
export interface PoliceAdapter {
  deliverPackage(delivery: PoliceDelivery, signal?: AbortSignal): Promise<PoliceReceipt>;
}

/** POST {endpoint}/packages  { package, manifest } → PoliceReceipt, idempotent by the package's requestId. */
export class HttpPoliceAdapter implements PoliceAdapter {
  private readonly client: JsonChannelClient;

  constructor(config: ChannelEndpoint) {
    this.client = new JsonChannelClient('police liaison', config);
  }

  deliverPackage(delivery: PoliceDelivery, signal?: AbortSignal): Promise<PoliceReceipt> {
    return this.client.post('/packages', delivery, delivery.package.requestId, PoliceReceipt, signal);
  }
}
