import { z } from 'zod';
import type { TimelineEntry } from './case-state';
import type { TimelineMessage } from './timeline-message';
import { ENGLISH } from './timeline-text-en';
import { INDONESIAN } from './timeline-text-id';

export const TIMELINE_LANGUAGES = ['en', 'id'] as const;
export const TimelineLanguage = z.enum(TIMELINE_LANGUAGES);
export type TimelineLanguage = z.infer<typeof TimelineLanguage>;

const TEMPLATES = { en: ENGLISH, id: INDONESIAN };

/** One message in the reader's language. */
export function renderTimelineMessage(message: TimelineMessage, lang: TimelineLanguage): string {
  const template = TEMPLATES[lang][message.code] as (params: TimelineMessage['params']) => string;
  return template(message.params);
}

/** An entry's text: its message in the reader's language, or (entries from before the codes) its stored summary. */
export function timelineEntryText(
  entry: Pick<TimelineEntry, 'message' | 'summary'>,
  lang: TimelineLanguage,
): string {
  if (entry.message) return renderTimelineMessage(entry.message, lang);
  return entry.summary ?? '';
}
