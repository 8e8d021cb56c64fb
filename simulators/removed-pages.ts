import type { Platform } from '../domain/places';

/**
 * What each simulated platform serves, with HTTP 200, for content it has taken down: its own notice,
 * the kind the liveness check recognises (activities/liveness/unavailable-pages.ts counts only the
 * notices of the content's platform). Telegram and websites have no notice of their own: they serve
 * the Indonesian "halaman tidak tersedia" any platform may show.
 */
const REMOVED_NOTICES: Record<Platform, string> = {
  meta: `<h2>Sorry, this content isn't available right now</h2><p>The link you followed may be broken, or the page may have been removed.</p>`,
  x: `<span>Hmm...this page doesn't exist. Try searching for something else.</span>`,
  youtube: `<div>This video isn't available anymore</div>`,
  tiktok: `<p>Video currently unavailable</p>`,
  telegram: `<div class="tgme_page_description">Halaman tidak tersedia.</div>`,
  file_sharing: `<h1>The file you are trying to access is no longer available</h1>`,
  website: `<h1>Halaman tidak tersedia</h1>`,
};

export function removedPage(platform: Platform): string {
  return `<html><body>${REMOVED_NOTICES[platform]}</body></html>`;
}
