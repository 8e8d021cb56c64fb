import type { CategoryRuleSet } from '../rule-engine';
import { childSexualAbuseRules } from './child-sexual-abuse';
import { defamationRules } from './defamation';
import { fraudRules } from './fraud';
import { hateSpeechRules } from './hate-speech';
import { hoaxRules } from './hoax';
import { onlineGamblingRules } from './online-gambling';
import { otherIllegalRules } from './other-illegal';
import { pornographyRules } from './pornography';
import { saraProvocationRules } from './sara-provocation';
import { terrorismRules } from './terrorism';

export { REPORTING_CONTEXT, REPORTING_DAMPING } from './reporting-context';

/** In order of severity: on a tie the earlier category wins. */
export const CATEGORY_RULE_SETS: readonly CategoryRuleSet[] = [
  childSexualAbuseRules,
  terrorismRules,
  saraProvocationRules,
  onlineGamblingRules,
  pornographyRules,
  fraudRules,
  hateSpeechRules,
  hoaxRules,
  defamationRules,
  otherIllegalRules,
];
