import type { Category, Priority } from '../../domain/categories';

/**
 * Triage priority the classifier suggests; the case's policy may raise it (e.g. gambling into the
 * 4-hour class). Child sexual abuse and terrorism are always urgent (Permenkominfo 5/2020 Pasal 14),
 * and so is SARA provocation, as content that disturbs public order.
 */
export const SUGGESTED_PRIORITY: Record<Category, Priority> = {
  child_sexual_abuse: 'urgent',
  terrorism: 'urgent',
  sara_provocation: 'urgent',
  online_gambling: 'high',
  pornography: 'high',
  fraud: 'high',
  hate_speech: 'high',
  hoax: 'normal',
  defamation: 'normal',
  other_illegal: 'normal',
};
