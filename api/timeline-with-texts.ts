import { z } from 'zod';
import { TIMELINE_LANGUAGES, TimelineEntry, TimelineLanguage, timelineEntryText } from '../domain';

/**
 * The API renders each entry's text (domain/timeline-text.ts) in every reader language and sends it
 * with the entry, so the console shows it as it is and never keeps templates of its own.
 */
export const TimelineTexts = z.record(TimelineLanguage, z.string()).meta({
  description:
    "The entry's text in each reader language (en, id), rendered by the API from its message, or the stored English summary of an entry from before the codes",
});
export type TimelineTexts = z.infer<typeof TimelineTexts>;

export const TimelineEntryWithTexts = TimelineEntry.safeExtend({ text: TimelineTexts });
export type TimelineEntryWithTexts = z.infer<typeof TimelineEntryWithTexts>;

export function withTimelineTexts(entry: TimelineEntry): TimelineEntryWithTexts {
  const text = Object.fromEntries(
    TIMELINE_LANGUAGES.map((lang) => [lang, timelineEntryText(entry, lang)]),
  ) as TimelineTexts;
  return { ...entry, text };
}
