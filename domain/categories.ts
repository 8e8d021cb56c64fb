import { z } from 'zod';

/** Negative-content categories the unit handles (CSAM is its own category: always urgent). */
export const CATEGORIES = [
  'online_gambling',
  'pornography',
  'child_sexual_abuse',
  'hoax',
  'hate_speech',
  'sara_provocation',
  'fraud',
  'terrorism',
  'defamation',
  'other_illegal',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** Human labels in Bahasa Indonesia, for the console, notifications and public statements. */
export const CATEGORY_LABELS: Record<Category, string> = {
  online_gambling: 'Judi online',
  pornography: 'Pornografi',
  child_sexual_abuse: 'Kekerasan seksual terhadap anak',
  hoax: 'Hoaks / disinformasi',
  hate_speech: 'Ujaran kebencian',
  sara_provocation: 'Provokasi SARA',
  fraud: 'Penipuan / phishing',
  terrorism: 'Terorisme / radikalisme',
  defamation: 'Pencemaran nama baik',
  other_illegal: 'Konten ilegal lainnya',
};

/** Public labels for hoax verdicts. */
export const HOAX_LABELS = ['HOAKS', 'DISINFORMASI', 'MISINFORMASI'] as const;
export const HoaxLabel = z.enum(HOAX_LABELS);
export type HoaxLabel = z.infer<typeof HoaxLabel>;

export const PRIORITIES = ['urgent', 'high', 'normal'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;
