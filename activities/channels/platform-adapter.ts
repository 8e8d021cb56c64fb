import { z } from 'zod';
import {
  TakedownReceipt,
  TakedownStatus,
  type BlocklistRecommendation,
  type TakedownRequest,
  type TakedownWithdrawal,
  type WarningLetter,
} from '../../domain/channels';
import type { Platform } from '../../domain/places';
import { JsonChannelClient, type ChannelEndpoint } from '../http/json-channel-client';

/**
 * Everything Saring asks of a platform: remove content, say how that is going, take a warning letter
 * (ST1/ST2/ST3), and, for the `website` channel (the national DNS blocklist path), take a blocklist
 * recommendation. One adapter per platform, each configured with its own endpoint and credentials.
 * Every write carries the step's requestId; the platform must act on a requestId once.
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  requestTakedown(request: TakedownRequest, signal?: AbortSignal): Promise<TakedownReceipt>;
  checkStatus(ticketId: string, signal?: AbortSignal): Promise<TakedownStatus>;
  sendWarningLetter(letter: WarningLetter, signal?: AbortSignal): Promise<{ letterId: string }>;
  recommendBlocklist(
    recommendation: BlocklistRecommendation,
    signal?: AbortSignal,
  ): Promise<{ recommendationId: string }>;
  /** The case withdrew the request (once per requestId). */
  withdrawTakedown(withdrawal: TakedownWithdrawal, signal?: AbortSignal): Promise<{ withdrawnAt: string }>;
}

const LetterReceipt = z.object({ letterId: z.string().min(1) });
const RecommendationReceipt = z.object({ recommendationId: z.string().min(1) });
const WithdrawalReceipt = z.object({ withdrawnAt: z.iso.datetime({ offset: true }) });

/**
 * The adapter for platforms reached over Saring's JSON channel protocol (what the simulator speaks):
 *   POST {endpoint}/takedowns                   TakedownRequest          → TakedownReceipt
 *   GET  {endpoint}/takedowns/{ticketId}                                 → TakedownStatus
 *   POST {endpoint}/warning-letters             WarningLetter            → { letterId }
 *   POST {endpoint}/blocklist-recommendations   BlocklistRecommendation  → { recommendationId }
 *   POST {endpoint}/takedowns/{ticketId}/withdrawal  TakedownWithdrawal   → { withdrawnAt }
 * A platform with its own API gets its own class implementing PlatformAdapter.
 */
export class HttpPlatformAdapter implements PlatformAdapter {
  private readonly client: JsonChannelClient;

  constructor(
    readonly platform: Platform,
    config: ChannelEndpoint,
  ) {
    this.client = new JsonChannelClient(`platform ${platform}`, config);
  }

  requestTakedown(request: TakedownRequest, signal?: AbortSignal): Promise<TakedownReceipt> {
    return this.client.post('/takedowns', request, request.requestId, TakedownReceipt, signal);
  }

  checkStatus(ticketId: string, signal?: AbortSignal): Promise<TakedownStatus> {
    return this.client.get(`/takedowns/${encodeURIComponent(ticketId)}`, TakedownStatus, signal);
  }

  sendWarningLetter(letter: WarningLetter, signal?: AbortSignal): Promise<{ letterId: string }> {
    return this.client.post('/warning-letters', letter, letter.requestId, LetterReceipt, signal);
  }

  recommendBlocklist(
    recommendation: BlocklistRecommendation,
    signal?: AbortSignal,
  ): Promise<{ recommendationId: string }> {
    return this.client.post(
      '/blocklist-recommendations',
      recommendation,
      recommendation.requestId,
      RecommendationReceipt,
      signal,
    );
  }

  withdrawTakedown(withdrawal: TakedownWithdrawal, signal?: AbortSignal): Promise<{ withdrawnAt: string }> {
    return this.client.post(
      `/takedowns/${encodeURIComponent(withdrawal.ticketId)}/withdrawal`,
      withdrawal,
      withdrawal.requestId,
      WithdrawalReceipt,
      signal,
    );
  }
}
