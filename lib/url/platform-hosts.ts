import type { Platform } from '../../domain/places';

/** Registrable hosts of each platform; a host matches when it equals one or is a subdomain of one. */
const PLATFORM_HOSTS: Record<Exclude<Platform, 'website'>, readonly string[]> = {
  meta: [
    'facebook.com',
    'fb.com',
    'fb.watch',
    'fb.me',
    'fbcdn.net',
    'instagram.com',
    'instagr.am',
    'threads.net',
    'threads.com',
    'whatsapp.com',
    'wa.me',
    'messenger.com',
    'm.me',
  ],
  x: ['x.com', 'twitter.com', 't.co', 'fxtwitter.com', 'vxtwitter.com', 'fixupx.com', 'fixvx.com'],
  youtube: ['youtube.com', 'youtu.be', 'youtube-nocookie.com'],
  tiktok: ['tiktok.com'],
  telegram: ['t.me', 'telegram.me', 'telegram.dog', 'telegram.org', 'telesco.pe'],
  file_sharing: [
    'drive.google.com',
    'docs.google.com',
    'mega.nz',
    'mega.io',
    'mediafire.com',
    'dropbox.com',
    'terabox.com',
    '1024terabox.com',
    'teraboxapp.com',
    '4shared.com',
    'zippyshare.com',
    'wetransfer.com',
    'we.tl',
    'pixeldrain.com',
    'gofile.io',
    'sendspace.com',
    'krakenfiles.com',
    'anonfiles.com',
    'onedrive.live.com',
    '1drv.ms',
  ],
};

/**
 * Alternative hosts that serve the same content as a canonical one. `m.`/`mobile.` and similar prefixes
 * are only folded for the hosts listed here: on an arbitrary website `m.` may be a different site.
 */
export const HOST_ALIASES: Readonly<Record<string, string>> = {
  'fb.com': 'facebook.com',
  'm.facebook.com': 'facebook.com',
  'mobile.facebook.com': 'facebook.com',
  'web.facebook.com': 'facebook.com',
  'mbasic.facebook.com': 'facebook.com',
  'touch.facebook.com': 'facebook.com',
  'free.facebook.com': 'facebook.com',
  'instagr.am': 'instagram.com',
  'm.instagram.com': 'instagram.com',
  'threads.com': 'threads.net',
  'twitter.com': 'x.com',
  'mobile.twitter.com': 'x.com',
  'm.twitter.com': 'x.com',
  'mobile.x.com': 'x.com',
  'fxtwitter.com': 'x.com',
  'vxtwitter.com': 'x.com',
  'fixupx.com': 'x.com',
  'fixvx.com': 'x.com',
  'm.youtube.com': 'youtube.com',
  'youtube-nocookie.com': 'youtube.com',
  'm.tiktok.com': 'tiktok.com',
  'telegram.me': 't.me',
  'telegram.dog': 't.me',
  'mega.io': 'mega.nz',
};

function matches(host: string, registrable: string): boolean {
  return host === registrable || host.endsWith(`.${registrable}`);
}

/** The platform a host belongs to; `website` for any other host (the blocklist path). */
export function platformOfHost(host: string): Platform {
  const normalized = host.toLowerCase().replace(/\.$/, '');
  for (const [platform, hosts] of Object.entries(PLATFORM_HOSTS) as [
    Exclude<Platform, 'website'>,
    readonly string[],
  ][]) {
    if (hosts.some((registrable) => matches(normalized, registrable))) return platform;
  }
  return 'website';
}
