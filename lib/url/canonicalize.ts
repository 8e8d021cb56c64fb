import type { Platform } from '../../domain/places';
import { HOST_ALIASES, platformOfHost } from './platform-hosts';
import { isTrackingParam } from './tracking-params';

export interface CanonicalUrl {
  /** The canonical form: the same content gives the same string, whatever link it was shared by. */
  url: string;
  /** Canonical host name, lower case, without `www.` or a port. */
  host: string;
  platform: Platform;
}

export class InvalidUrlError extends Error {
  override readonly name = 'InvalidUrlError';
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;

/**
 * Normalizes a URL so that repeat detections of the same content map to one case. Pure and offline:
 * short links that need a request to resolve (vm.tiktok.com, fb.watch, t.co) are kept as they are.
 * Used at intake by the API and CLI, and by the activities.
 */
export function canonicalizeUrl(raw: string): CanonicalUrl {
  const trimmed = raw.trim();
  // Pasted links often lack a scheme ("youtube.com/watch?v=..."); browsers assume https.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new InvalidUrlError(`not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidUrlError(`only http(s) URLs can be canonicalized, got ${parsed.protocol}`);
  }
  if (!parsed.hostname) throw new InvalidUrlError(`URL without a host: ${JSON.stringify(raw.slice(0, 200))}`);

  let host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  host = HOST_ALIASES[host] ?? host;
  const platform = platformOfHost(host);
  // Platforms serve only https; a website keeps its scheme (it may not speak TLS at all).
  const protocol = platform === 'website' ? parsed.protocol : 'https:';
  const port = platform === 'website' ? parsed.port : '';

  let path = parsed.pathname.replace(/\/+$/, '');
  let params = [...parsed.searchParams.entries()].filter(([key]) => !isTrackingParam(key, platform));
  ({ host, path, params } = rewriteForPlatform(host, path, params));

  params.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const url = `${protocol}//${host}${port ? `:${port}` : ''}${path}${query ? `?${query}` : ''}`;
  return { url, host, platform };
}

interface Parts {
  host: string;
  path: string;
  params: [string, string][];
}

/** Folds a platform's alternative link shapes into one. */
function rewriteForPlatform(host: string, path: string, params: [string, string][]): Parts {
  if (host === 'youtu.be') {
    const id = path.slice(1).split('/')[0] ?? '';
    if (YOUTUBE_ID.test(id)) return { host: 'youtube.com', path: '/watch', params: [['v', id]] };
  }
  if (host === 'youtube.com') {
    const embedded = /^\/(?:shorts|embed|live|v|e)\/([A-Za-z0-9_-]{6,20})$/.exec(path);
    if (embedded?.[1]) return { host, path: '/watch', params: [['v', embedded[1]]] };
    // A watch page is the video: playlist position and the like do not change the content.
    if (path === '/watch') return { host, path, params: params.filter(([key]) => key === 'v') };
  }
  if (host === 'x.com') {
    const status = /^\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d+)(?:\/(?:photo|video)\/\d+)?$/.exec(path);
    if (status?.[1] && status[2])
      return { host, path: `/${status[1].toLowerCase()}/status/${status[2]}`, params };
  }
  if (host === 'tiktok.com') {
    const video = /^\/@([^/]+)\/(video|photo)\/(\d+)$/.exec(path);
    if (video?.[1] && video[2] && video[3])
      return { host, path: `/@${video[1].toLowerCase()}/${video[2]}/${video[3]}`, params };
  }
  if (host === 'instagram.com') {
    const reel = /^\/reels\/([A-Za-z0-9_-]+)$/.exec(path);
    if (reel?.[1]) return { host, path: `/reel/${reel[1]}`, params };
  }
  if (host === 't.me') {
    // t.me/s/<channel>/<post> is the web preview of t.me/<channel>/<post>.
    const preview = /^\/s\/([A-Za-z0-9_]+(?:\/\d+)?)$/.exec(path);
    if (preview?.[1]) return { host, path: `/${preview[1]}`, params };
  }
  return { host, path, params };
}
