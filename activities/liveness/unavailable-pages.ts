import type { Platform } from '../../domain/places';

/**
 * What platforms show, with HTTP 200, for content that is gone: removed, deleted, made private, or the
 * account suspended. In English and Indonesian, since the worker may be served either. Matched on the
 * lower-cased page text with curly apostrophes straightened.
 */
export const UNAVAILABLE_PAGE_MARKERS: readonly { marker: string; source: string }[] = [
  // Meta (Facebook, Instagram, Threads)
  { marker: "sorry, this content isn't available", source: 'meta' },
  { marker: "this content isn't available", source: 'meta' },
  { marker: "sorry, this page isn't available", source: 'meta' },
  { marker: 'the link you followed may be broken', source: 'meta' },
  { marker: 'konten ini tidak tersedia', source: 'meta' },
  { marker: 'maaf, halaman ini tidak tersedia', source: 'meta' },
  { marker: 'tautan yang anda ikuti mungkin rusak', source: 'meta' },
  { marker: 'halaman tidak tersedia', source: 'generic' },
  // YouTube
  { marker: "this video isn't available anymore", source: 'youtube' },
  { marker: 'this video is no longer available', source: 'youtube' },
  { marker: 'this video has been removed', source: 'youtube' },
  { marker: 'video unavailable', source: 'youtube' },
  { marker: 'video tidak tersedia', source: 'youtube' },
  { marker: 'video ini tidak tersedia lagi', source: 'youtube' },
  { marker: 'this account has been terminated', source: 'youtube' },
  // X
  { marker: 'this post is unavailable', source: 'x' },
  { marker: 'this tweet is unavailable', source: 'x' },
  { marker: "hmm...this page doesn't exist", source: 'x' },
  { marker: "this account doesn't exist", source: 'x' },
  { marker: 'account suspended', source: 'x' },
  { marker: 'postingan ini tidak tersedia', source: 'x' },
  { marker: 'akun ditangguhkan', source: 'x' },
  // TikTok
  { marker: 'video currently unavailable', source: 'tiktok' },
  { marker: 'this video is unavailable', source: 'tiktok' },
  { marker: "couldn't find this account", source: 'tiktok' },
  { marker: 'video saat ini tidak tersedia', source: 'tiktok' },
  { marker: 'tidak dapat menemukan akun ini', source: 'tiktok' },
  // File sharing
  { marker: 'the file you are trying to access is no longer available', source: 'file_sharing' },
  { marker: 'file has been removed', source: 'file_sharing' },
  // Websites: blocked by TrustPositif (what an Indonesian resolver serves instead) or parked
  { marker: 'internet positif', source: 'trustpositif' },
  { marker: 'internetpositif', source: 'trustpositif' },
  { marker: 'trustpositif', source: 'trustpositif' },
  { marker: 'this domain may be for sale', source: 'parked' },
  { marker: 'domain ini dijual', source: 'parked' },
];

/** Every platform's page may say "halaman tidak tersedia" or be replaced by a block or parking page. */
const ALWAYS = new Set(['generic', 'trustpositif', 'parked']);

/**
 * Looks for an unavailable notice. With the platform known only its own notices count, so an article
 * that quotes "account suspended" on some website is not taken for a removal.
 */
export function findUnavailableMarker(
  pageText: string,
  platform?: Platform,
): { marker: string; source: string } | undefined {
  const text = pageText.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  return UNAVAILABLE_PAGE_MARKERS.find(
    ({ marker, source }) =>
      (platform === undefined || source === platform || ALWAYS.has(source)) && text.includes(marker),
  );
}
