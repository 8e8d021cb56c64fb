import {
  AddNoteInput,
  describeRemovedCharacters,
  FreeText,
  stripUnsafeCharacters,
  unsafeCharactersIn,
  Verdict,
} from '../../../domain';

const actor = { officerId: 'siti.verifier', role: 'verifier' } as const;

describe('free text: bidi and control characters are removed at the schema', () => {
  it('removes bidi controls, C0/C1 controls and unpaired surrogates, keeps tab, newline and emoji', () => {
    const sent = 'a\u202Eb\u2066c\u200Fd\u0007e\u001Bf\u009Bg\uD800h\ti\nj 👍🏽 ‍';
    expect(stripUnsafeCharacters(sent)).toBe('abcdefgh\ti\nj 👍🏽 ‍');
    expect(unsafeCharactersIn({ note: sent, list: [sent] })).toEqual({
      bidi: 6,
      control: 6,
      unpairedSurrogate: 2,
    });
  });

  it('strips in the domain schemas of notes, verdict reasons and complaints', () => {
    expect(AddNoteInput.parse({ actor, text: ' \u202Egnp.exe\u202C catatan ' }).text).toBe('gnp.exe catatan');
    const verdict = Verdict.parse({ kind: 'no_violation', reasons: ['parodi\u0000\u0008 saja'] });
    expect(verdict.kind === 'no_violation' && verdict.reasons).toEqual(['parodi saja']);
    // Only unsafe characters is no text at all.
    expect(FreeText(100).safeParse('\u202E\u0007').success).toBe(false);
  });

  it('says what was removed', () => {
    const before = unsafeCharactersIn({ a: '\u202Ex\u0007\u0007' });
    expect(describeRemovedCharacters(before, { bidi: 0, control: 0, unpairedSurrogate: 0 })).toBe(
      'removed 1 bidi control character, 2 control characters from free text',
    );
    expect(describeRemovedCharacters(before, before)).toBeUndefined();
  });
});
