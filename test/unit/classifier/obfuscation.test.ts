import { classify } from '../../../activities/classifier/classify';
import { normalizeText } from '../../../activities/classifier/normalize';

describe('normalizeText', () => {
  it.each([
    ['s1ot g4cor', 'siot gacor'],
    ['ｓｌｏｔ ｇａｃｏｒ', 'siot gacor'],
    ['s l o t   g a c o r', 'siot gacor'],
    ['Ѕlоt gасоr', 'siot gacor'],
    ['s\u200bl\u200co\u200dt g\u2060acor', 'siot gacor'],
    ['sloooot gaaacooor', 'siot gacor'],
    ['ᴠɪᴅᴇᴏ ʙᴏᴋᴇᴘ', 'video bokep'],
    ['s̶l̶o̶t̶ ǵácór', 'siot gacor'],
    ['𝐬𝐥𝐨𝐭 𝐠𝐚𝐜𝐨𝐫', 'siot gacor'],
    ['ⓢⓛⓞⓣ', 'siot'],
    ['j.u.d.i o.n.l.i.n.e', 'judi onine'],
    ['$lot g@cor!', 'siot gacor'],
    ['s🎰l🎰o🎰t g❤️a❤️c❤️o❤️r', 'siot gacor'],
    ['#slot #gacor 🔥🔥', 'siot gacor'],
  ])('%s → %s', (raw, skeleton) => {
    expect(normalizeText(raw).skeleton).toBe(skeleton);
  });

  it('keeps numbers that are amounts and codes, not disguised letters', () => {
    expect(normalizeText('togel 4D, depo 10rb, x500, tahun 2025').skeleton).toBe(
      'togei 4d depo 10rb x500 tahun 2025',
    );
  });
});

describe('classify', () => {
  it.each([
    's1ot g4cor m4xw1n hari ini',
    'ＳＬＯＴ ＧＡＣＯＲ ＭＡＸＷＩＮ',
    's l o t   g a c o r   m a x w i n',
    'Ѕlоt gасоr, mахwіn',
    's\u200blot ga\u200ccor max\u200dwin',
    'sloooot gaaacoooor maaaxwiiin',
    's🔥l🔥o🔥t g🔥a🔥c🔥o🔥r m🔥a🔥x🔥w🔥i🔥n',
  ])('sees gambling through obfuscation: %s', (text) => {
    expect(classify({ text }).category).toBe('online_gambling');
  });

  it('reads spam domains in the URL', () => {
    expect(classify({ url: 'https://slotgacor-maxwin303.example/daftar' })).toMatchObject({
      category: 'online_gambling',
    });
  });

  it('says which rules fired, gives alternatives, and suggests priority', () => {
    const result = classify({ text: 'Ada link video asusila anak SD? kirim ke grup' });
    expect(result).toMatchObject({ category: 'child_sexual_abuse', suggestedPriority: 'urgent' });
    expect(result.rules).toContain('csam.minor_and_sexual');
    expect(result.confidence).toBeGreaterThan(0.5);

    const terror = classify({ text: 'Thaghut harus diperangi, siapkan bom untuk amaliyah' });
    expect(terror).toMatchObject({ category: 'terrorism', suggestedPriority: 'urgent' });

    const gambling = classify({ text: 'slot gacor maxwin, daftar sekarang' });
    expect(gambling.suggestedPriority).toBe('high');
  });

  it('leaves ordinary text and reporting about harmful content uncategorised', () => {
    for (const text of [
      'Resep soto Banjar dengan ketupat',
      'Polres Banjarbaru menangkap tersangka promosi situs judi online slot gacor',
      '[HOAKS] Vaksin mengandung chip. Faktanya: tidak benar. Saring sebelum sharing.',
    ]) {
      expect(classify({ text })).toMatchObject({ category: undefined, suggestedPriority: 'normal' });
    }
  });
});
