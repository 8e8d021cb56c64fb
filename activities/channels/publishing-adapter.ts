import { PublicationReceipt, type Statement } from '../../domain/channels';
import { JsonChannelClient, type ChannelEndpoint } from '../http/json-channel-client';

/** Publishes a clarification or public response to the requested channels and says where it went. */
export interface PublishingAdapter {
  publish(statement: Statement, signal?: AbortSignal): Promise<PublicationReceipt>;
}

/** POST {endpoint}/statements  Statement → PublicationReceipt, idempotent by the statement's requestId. */
export class HttpPublishingAdapter implements PublishingAdapter {
  private readonly client: JsonChannelClient;

  constructor(config: ChannelEndpoint) {
    this.client = new JsonChannelClient('publishing', config);
  }

  publish(statement: Statement, signal?: AbortSignal): Promise<PublicationReceipt> {
    return this.client.post('/statements', statement, statement.requestId, PublicationReceipt, signal);
  }
}
