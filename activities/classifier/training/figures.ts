/** How the classifier's reports print a figure: fixed decimals, "n/a" for a label never predicted. */
export const fixed = (digits: number) => (value: number) =>
  Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
export const f2 = fixed(2);
export const f3 = fixed(3);

const SHORT_LABELS: Record<string, string> = {
  child_sexual_abuse: 'csam',
  online_gambling: 'gambling',
  sara_provocation: 'sara',
  other_illegal: 'other',
  pornography: 'porn',
  hate_speech: 'hate',
};

/** A label short enough for a table column. */
export const shortLabel = (label: string) => SHORT_LABELS[label] ?? label;
