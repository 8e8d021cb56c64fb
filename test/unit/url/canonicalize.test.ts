import { canonicalizeUrl, InvalidUrlError } from '../../../lib/url/canonicalize';

describe('canonicalizeUrl', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&si=abc',
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    ['https://youtu.be/dQw4w9WgXcQ?si=XyZ&t=42', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://m.youtube.com/shorts/dQw4w9WgXcQ', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    [
      'https://www.youtube.com/watch?list=PL1&v=dQw4w9WgXcQ&index=3',
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'https://twitter.com/SomeUser/status/1790000000000000000?s=20&t=abc',
      'https://x.com/someuser/status/1790000000000000000',
    ],
    [
      'https://mobile.x.com/someuser/status/1790000000000000000/photo/1',
      'https://x.com/someuser/status/1790000000000000000',
    ],
    ['https://m.facebook.com/watch/?v=123456789&mibextid=abc', 'https://facebook.com/watch?v=123456789'],
    [
      'https://web.facebook.com/story.php?story_fbid=99&id=42&__cft__[0]=AZ&__tn__=%2CO',
      'https://facebook.com/story.php?id=42&story_fbid=99',
    ],
    [
      'https://www.instagram.com/p/C0dEx/?igsh=MWQ1&utm_source=ig_web_copy_link',
      'https://instagram.com/p/C0dEx',
    ],
    ['https://instagram.com/reels/C0dEx/', 'https://instagram.com/reel/C0dEx'],
    [
      'https://www.tiktok.com/@Judol.Gacor/video/7300000000000000000?is_from_webapp=1&sender_device=pc',
      'https://tiktok.com/@judol.gacor/video/7300000000000000000',
    ],
    ['https://vm.tiktok.com/ZSabc123/', 'https://vm.tiktok.com/ZSabc123'],
    ['https://fb.watch/abcDEF/', 'https://fb.watch/abcDEF'],
    ['https://telegram.me/s/somechannel/123', 'https://t.me/somechannel/123'],
    ['HTTP://Example.COM:80/Path/?b=2&a=1&utm_source=x#frag', 'http://example.com/Path?a=1&b=2'],
    ['https://www.example.co.id:443/', 'https://example.co.id'],
    ['https://example.com:8443/a//', 'https://example.com:8443/a'],
    ['https://blog.example.com/?s=judi&ref=home', 'https://blog.example.com?ref=home&s=judi'],
    ['slot-gacor.example/daftar?gclid=1', 'https://slot-gacor.example/daftar'],
    ['https://user:pw@m.example.com/x', 'https://m.example.com/x'],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalizeUrl(raw).url).toBe(expected);
  });

  it.each([
    ['https://www.facebook.com/x', 'meta', 'facebook.com'],
    ['https://instagram.com/p/1', 'meta', 'instagram.com'],
    ['https://twitter.com/a', 'x', 'x.com'],
    ['https://t.co/abc', 'x', 't.co'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'youtube.com'],
    ['https://vt.tiktok.com/ZS1/', 'tiktok', 'vt.tiktok.com'],
    ['https://t.me/chan', 'telegram', 't.me'],
    ['https://mega.nz/file/abc', 'file_sharing', 'mega.nz'],
    ['https://drive.google.com/file/d/1/view', 'file_sharing', 'drive.google.com'],
    ['https://slotgacor88.example', 'website', 'slotgacor88.example'],
    ['https://notfacebook.com/', 'website', 'notfacebook.com'],
  ])('%s is on %s (host %s)', (raw, platform, host) => {
    expect(canonicalizeUrl(raw)).toMatchObject({ platform, host });
  });

  it('gives the same URL for the many shares of one video', () => {
    const shares = [
      'https://youtu.be/dQw4w9WgXcQ?si=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s',
      'https://m.youtube.com/watch?feature=youtu.be&v=dQw4w9WgXcQ',
      'https://youtube.com/shorts/dQw4w9WgXcQ?feature=share',
    ];
    expect(new Set(shares.map((share) => canonicalizeUrl(share).url)).size).toBe(1);
  });

  it('is idempotent', () => {
    for (const raw of [
      'https://twitter.com/A/status/1?s=1',
      'https://www.Example.com/a/?z=1&a=2',
      'https://youtu.be/dQw4w9WgXcQ',
    ]) {
      const once = canonicalizeUrl(raw).url;
      expect(canonicalizeUrl(once).url).toBe(once);
    }
  });

  it('rejects what is not an http(s) URL', () => {
    expect(() => canonicalizeUrl('ftp://example.com/file')).toThrow(InvalidUrlError);
    expect(() => canonicalizeUrl('javascript:alert(1)')).toThrow(InvalidUrlError);
    expect(() => canonicalizeUrl('http://')).toThrow(InvalidUrlError);
  });
});
