import { contactErasureConfigFromEnv, erasureDurationMs } from '../../../config/contact-erasure';

describe('contact erasure settings (SARING_CONTACT_ERASURE_AFTER / _EVERY)', () => {
  it('defaults to erasing 30 days after closure, checked hourly', () => {
    expect(contactErasureConfigFromEnv({})).toEqual({ after: '30d', every: '1h' });
    expect(erasureDurationMs('30d')).toBe(30 * 86_400_000);
    expect(erasureDurationMs('90s')).toBe(90_000);
  });

  it('takes other durations and refuses bad ones, naming the variable', () => {
    expect(
      contactErasureConfigFromEnv({
        SARING_CONTACT_ERASURE_AFTER: '14d',
        SARING_CONTACT_ERASURE_EVERY: '15m',
      }),
    ).toEqual({ after: '14d', every: '15m' });
    for (const bad of ['30', '0d', '-1d', '30 days', '1w'])
      expect(() => contactErasureConfigFromEnv({ SARING_CONTACT_ERASURE_AFTER: bad })).toThrow(
        /SARING_CONTACT_ERASURE_AFTER: a duration such as 30d/,
      );
    expect(() => contactErasureConfigFromEnv({ SARING_CONTACT_ERASURE_EVERY: 'hourly' })).toThrow(
      /SARING_CONTACT_ERASURE_EVERY/,
    );
  });
});
