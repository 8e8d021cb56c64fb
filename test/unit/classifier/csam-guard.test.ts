import { classify } from '../../../activities/classifier/classify';
import { classifyWithModel } from '../../../activities/classifier/classify-with-model';
import { shippedModel } from '../../../activities/classifier/model/shipped-model';

/** Child sexual abuse is precision-first: listings are caught, talk about abuse never is. */
describe('child sexual abuse rules and guard', () => {
  it.each([
    ['koleksi foto bugil bocah perempuan, barter juga boleh', 'csam.minor_and_sexual'],
    ['konten pedo lengkap, member vip only', 'csam.pedo_listing'],
    ['ada link folder l0li? tukeran sama punyaku', 'csam.pedo_listing'],
  ])('a listing fires a strong rule: %s', (text, rule) => {
    expect(classify({ text }).rules).toContain(rule);
  });

  it('calls a listing child sexual abuse (urgent) with the shipped model', () => {
    const result = classifyWithModel(shippedModel(), {
      text: 'jual koleksi video bugil anak smp, pembayaran via pulsa, dm',
    });
    expect(result).toMatchObject({ category: 'child_sexual_abuse', suggestedPriority: 'urgent' });
  });

  it.each([
    'Polisi membongkar grup pedofil di telegram, 4 tersangka ditangkap dan konten dihapus',
    'Pengadilan memvonis pelaku yang menjual foto bugil anak di bawah umur, korban didampingi psikolog',
    'Edukasi untuk orang tua: jika anak diminta foto telanjang oleh orang asing, simpan bukti dan lapor',
  ])('never calls reporting or education child sexual abuse: %s', (text) => {
    const rules = classify({ text }).rules;
    expect(rules).toContain('context.reporting_or_education');
    expect(rules.some((rule) => rule.startsWith('csam.'))).toBe(true);
    expect(classifyWithModel(shippedModel(), { text }).category).not.toBe('child_sexual_abuse');
  });
});
