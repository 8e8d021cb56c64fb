// A case's timeline as a panel: newest first, each entry's kind, time, who and text in Bahasa Indonesia
// (the text as the API rendered it: `text.id`).

import { h, timeElement } from './dom.js';
import { ROLE_LABELS } from './labels.js';
import { actionLabel } from './timeline-actions.js';

export function timelineSection(entries, title = 'Linimasa') {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'case-timeline' },
    h('h2', { id: 'case-timeline' }, title),
    h(
      'ol',
      { class: 'timeline', reversed: true },
      [...entries].reverse().map((entry) =>
        h(
          'li',
          {
            'data-seq': String(entry.seq),
            'data-action': entry.action,
            'data-code': entry.message ? entry.message.code : '',
          },
          h(
            'div',
            { class: 'timeline-head' },
            timeElement(entry.at),
            h('span', { class: 'timeline-action' }, actionLabel(entry.action)),
            h(
              'span',
              { class: 'timeline-who' },
              entry.actor
                ? `${entry.actor.officerId} (${ROLE_LABELS[entry.actor.role] || entry.actor.role})`
                : entry.source || 'sistem',
            ),
          ),
          h('p', { class: 'timeline-summary' }, entry.text.id),
        ),
      ),
    ),
  );
}
