import type { z } from 'zod';
import { BlocklistRecommendation, Notification, PolicePackage, Statement, TakedownRequest, WarningLetter } from '../domain/channels';
import { ClassifyInput } from './classify-content';
import type { CaseActivities } from './contract';
import { ArchiveInput, CaptureInput, VerifyInput } from './evidence-activities';
import { LivenessInput } from './liveness-activity';
import { StatusInput } from './takedown-activities';

/**
 * The input schema of every activity: the very objects the real activities parse their input with
 * (through `parseInput`). Test doubles validate with this map, so a scripted activity can never accept
 * an input the real one refuses.
 */
export const ACTIVITY_INPUT_SCHEMAS = {
  classifyContent: ClassifyInput,
  captureSnapshot: CaptureInput,
  verifyEvidence: VerifyInput,
  notify: Notification,
  requestTakedown: TakedownRequest,
  checkTakedownStatus: StatusInput,
  sendWarningLetter: WarningLetter,
  recommendBlocklist: BlocklistRecommendation,
  checkLiveness: LivenessInput,
  deliverPolicePackage: PolicePackage,
  publishStatement: Statement,
  archiveCaseHistory: ArchiveInput,
} as const satisfies Record<keyof CaseActivities, z.ZodType>;
