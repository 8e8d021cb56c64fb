import type { Platform } from '../../domain/places';

/** Click and campaign identifiers that never change what a URL shows, on any host. */
const GLOBAL_TRACKING = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'igshid',
  'igsh',
  'srsltid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'rb_clickid',
]);

/**
 * Share and referral parameters a platform adds to its own links. They are stripped only on that
 * platform: on an arbitrary website `s`, `t` or `ref` may select the content (e.g. WordPress `?s=`).
 */
const PLATFORM_TRACKING: Partial<Record<Platform, ReadonlySet<string>>> = {
  youtube: new Set([
    'si',
    'feature',
    'pp',
    'ab_channel',
    't',
    'start',
    'embeds_referring_euri',
    'source_ve_path',
    'app',
  ]),
  x: new Set(['s', 't', 'ref_src', 'ref_url', 'src', 'cn', 'cxt', 'lang']),
  meta: new Set([
    'mibextid',
    'rdid',
    'share_url',
    'sfnsn',
    'ref',
    'refsrc',
    'notif_id',
    'notif_t',
    'hc_ref',
    'hc_location',
    'fref',
    'pnref',
    'comment_tracking',
    'eav',
    'paipv',
    'extid',
    '_rdr',
    'rdr',
    'locale',
    'wtsid',
    'app',
    'img_index',
  ]),
  tiktok: new Set([
    'is_from_webapp',
    'is_copy_url',
    'sender_device',
    'sender_web_id',
    'web_id',
    '_r',
    '_t',
    '_d',
    'share_item_id',
    'share_app_id',
    'share_link_id',
    'share_author_id',
    'tt_from',
    'u_code',
    'timestamp',
    'checksum',
    'refer',
    'enter_from',
    'social_sharing',
    'source',
    'lang',
    'user_id',
    'sec_user_id',
    'preview_pb',
    'sec_uid',
  ]),
  telegram: new Set(['ref']),
};

/** Facebook prefixes its click-tracking keys: `__cft__[0]`, `__tn__`, `__xts__[0]`. */
const META_TRACKING_PREFIXES = ['__cft__', '__tn__', '__xts__'];

export function isTrackingParam(key: string, platform: Platform): boolean {
  const lower = key.toLowerCase();
  if (lower.startsWith('utm_') || GLOBAL_TRACKING.has(lower)) return true;
  if (PLATFORM_TRACKING[platform]?.has(lower)) return true;
  return platform === 'meta' && META_TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
