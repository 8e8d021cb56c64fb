import { classify as classifyByRules } from '../../../activities/classifier/classify';
import { loadDataset } from '../../../activities/classifier/training/load-dataset';

/** Author F (issue 15): a training source aimed at the fraud / other illegal trade boundary. */
describe('author F in data/classifier', () => {
  const authorF = loadDataset().filter((item) => item.source === 'author-f');
  const labelled = (label: string) => authorF.filter((item) => item.label === label);

  it('adds 400-600 items, in train and calibration only, with hand-written posts', () => {
    expect(authorF.length).toBeGreaterThanOrEqual(400);
    expect(authorF.length).toBeLessThanOrEqual(600);
    expect(new Set(authorF.map((item) => item.split))).toEqual(new Set(['train', 'calibration']));
    expect(authorF.filter((item) => item.tags.includes('hand_written')).length).toBeGreaterThanOrEqual(30);
  });

  it('covers both sides of the boundary and the hard negatives next to them', () => {
    expect(labelled('other_illegal').length).toBeGreaterThanOrEqual(100);
    expect(labelled('fraud').length).toBeGreaterThanOrEqual(100);
    expect(labelled('online_gambling').length).toBeGreaterThanOrEqual(20);
    for (const near of ['other_illegal', 'fraud', 'online_gambling'])
      expect(authorF.filter((item) => item.tags.includes(`near:${near}`)).length).toBeGreaterThanOrEqual(15);
  });

  it('uses the same payment and delivery words on both sides, so they cannot tell the label', () => {
    const talksMoney = /transfer dulu|tf dulu|\bcod\b|rekening|\bdm\b|ready stok/i;
    const share = (label: string) =>
      labelled(label).filter((item) => talksMoney.test(item.text)).length / labelled(label).length;
    expect(share('other_illegal')).toBeGreaterThan(0.3);
    expect(share('fraud')).toBeGreaterThan(0.3);
    expect(Math.abs(share('other_illegal') - share('fraud'))).toBeLessThan(0.25);
  });
});

describe('illegal goods that talk like a scam (rules added with author F)', () => {
  it('reads a listing with "transfer dulu" as other illegal trade', () => {
    for (const text of [
      'Ready obat keras tanpa resep, kirim rapi, transfer dulu',
      'Jual KTP palsu jadi 2 hari, tf ke rekening dulu',
      'Dijual kukang jinak, bisa COD Banjarbaru',
      'Jual rokok tanpa pita cukai per bal, transfer dulu baru kirim',
    ])
      expect(classifyByRules({ text }).category).toBe('other_illegal');
  });

  it('leaves a licensed seller and a seizure report alone', () => {
    for (const text of [
      'Apotek kami melayani obat keras dengan resep dokter, bisa antar, bayar COD',
      'Jual lovebird hasil penangkaran, ada ring, bisa COD',
      'Polres menyita obat keras tanpa izin edar dari toko kosmetik, pemilik ditangkap',
    ])
      expect(classifyByRules({ text }).category).toBeUndefined();
  });
});

describe('seller talk next to a named illegal good (issue 15, after the 7th test-split run)', () => {
  it('does not let "transfer dulu" and a low price outweigh the good', () => {
    const result = classifyByRules({
      text: 'PO minggu ini software bajakan, lisensi crack seumur hidup, 500 ribu, transfer dulu baru kirim',
    });
    expect(result.category).toBe('other_illegal');
    // The fraud rules still fire (the verifier sees them and the model reads them).
    expect(result.rules).toEqual(expect.arrayContaining(['fraud.fee_first', 'fraud.too_good']));
  });

  it('still reads pay-first talk as fraud when no illegal good is named', () => {
    for (const text of [
      'Selamat anda memenangkan hadiah undian, transfer dulu biaya admin 250rb',
      'Jual iPhone murah meriah, transfer dulu baru kirim, biaya admin ditanggung pembeli',
    ])
      expect(classifyByRules({ text }).category).toBe('fraud');
  });
});
