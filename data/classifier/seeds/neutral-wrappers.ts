/**
 * Wrappers that say how a post travelled (forwarded, copied from a group, a reply in a thread), not what
 * it is. Each author's own forwarding frames and long-post fillers, put around seeds of every label of
 * the same author (issue 15): authors A and C had used them for hoaxes only, so a model learned "grup
 * keluarga" as hoax evidence. Each author keeps its own wrappers, so leaving an author out of training
 * (npm run classifier:tune) also leaves out its style.
 */
export const NEUTRAL_WRAPPERS = {
  a: [
    'Info dari grup sebelah: {s}',
    'Pesan berantai: {s}, tolong teruskan ke keluarga',
    'Baru dapat kabar, {s}',
    'Tadi pagi saya baca ini di grup keluarga. {s}',
    '{s}. Semoga bermanfaat untuk kita semua.',
  ],
  c: [
    'dapat dari grup wa keluarga: {s}',
    'Copas dari fb, cek sendiri. {s}',
    'Baru dapat pagi ini, aku teruskan saja. {s}',
    '{s}. Up.',
  ],
  d: [
    '*Diteruskan berkali-kali*\n{s}',
    'Dari grup sebelah 👇👇\n\n{s}\n\nMohon diteruskan ke keluarga',
    '{s}\n\n_copas dari grup alumni_',
    '@{user} {s}',
    'Nyuwun sewu, cuma mau berbagi info. {s}',
  ],
} as const;
