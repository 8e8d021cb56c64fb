// Small DOM helpers. Case content comes from the public and crawlers: it is only ever inserted as
// text (never innerHTML), so a crafted URL or text cannot run script in the console.

/** h('a', { href: '#/x', class: 'link' }, 'text', child) -> element. `on*` attributes add listeners. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = value;
    else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

let sequence = 0;
/** A unique id for label/for pairs. */
export function uid(prefix) {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** A labelled form field: label, control, optional hint. */
export function field(labelText, control, hint) {
  const id = control.id || uid('f');
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, labelText),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
  );
}

export function select(name, options, { value, required, emptyLabel } = {}) {
  return h(
    'select',
    { name, required },
    emptyLabel !== undefined ? h('option', { value: '' }, emptyLabel) : null,
    options.map(([optionValue, label]) =>
      h('option', { value: optionValue, selected: optionValue === value }, label),
    ),
  );
}

// Kalimantan Selatan keeps WITA (UTC+8).
const TIME_FORMAT = new Intl.DateTimeFormat('id-ID', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Asia/Makassar',
});

export function formatTime(iso) {
  if (!iso) return '–';
  return `${TIME_FORMAT.format(new Date(iso))} WITA`;
}

export function timeElement(iso) {
  return h('time', { datetime: iso }, formatTime(iso));
}

function span(ms) {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} h ${hours} j`;
  if (hours > 0) return `${hours} j ${minutes} m`;
  if (minutes > 0) return `${minutes} m ${seconds % 60} d`;
  return `${seconds} d`;
}

/** "3 j 12 m lagi" or "terlambat 20 m" (h = hari, j = jam, m = menit, d = detik). */
export function countdownText(dueIso, now = Date.now()) {
  if (!dueIso) return '–';
  const left = Date.parse(dueIso) - now;
  return left >= 0 ? `${span(left)} lagi` : `terlambat ${span(left)}`;
}

/** A countdown that the console's clock keeps current (see startClock). */
export function countdown(dueIso) {
  const element = h('span', { class: 'countdown', 'data-due': dueIso }, countdownText(dueIso));
  if (dueIso && Date.parse(dueIso) < Date.now()) element.classList.add('overdue');
  return element;
}

/** Once a second, every countdown on the page is brought up to date. */
export function startClock() {
  setInterval(() => {
    const now = Date.now();
    for (const element of document.querySelectorAll('[data-due]')) {
      const due = element.getAttribute('data-due');
      element.textContent = countdownText(due, now);
      element.classList.toggle('overdue', Date.parse(due) < now);
    }
  }, 1000);
}
