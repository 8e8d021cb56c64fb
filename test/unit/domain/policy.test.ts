import { announcedAtOnce, CasePolicy } from '../../../domain';
import { loadDefaultPolicy } from '../../../policy';

/** The policy file's rules, as an officer editing it meets them. */
describe('case policy', () => {
  const shipped = loadDefaultPolicy();

  it('announces at once only the categories newCaseAlerts lists, and a case without a category', () => {
    expect(announcedAtOnce(shipped, 'child_sexual_abuse')).toBe(true);
    expect(announcedAtOnce(shipped, 'hoax')).toBe(true);
    expect(announcedAtOnce(shipped, 'online_gambling')).toBe(false);
    expect(announcedAtOnce(shipped, 'pornography')).toBe(false);
    expect(announcedAtOnce(shipped, undefined)).toBe(true);
  });

  it('announces every case at once under a policy without newCaseAlerts', () => {
    const { newCaseAlerts: _omitted, ...older } = shipped;
    const policy = CasePolicy.parse(older);
    expect(policy.newCaseAlerts).toBeUndefined();
    expect(announcedAtOnce(policy, 'online_gambling')).toBe(true);
  });

  it.each([
    [{ immediate: ['hoax'], digestEvery: '30s' }, 'newCaseAlerts.digestEvery', 'a minute or longer'],
    [{ immediate: ['judi'], digestEvery: '15m' }, 'newCaseAlerts.immediate.0', 'Invalid option'],
    [{ immediate: ['hoax'], digestEvery: 'soon' }, 'newCaseAlerts.digestEvery', 'a duration like'],
    [{ immediate: ['hoax'] }, 'newCaseAlerts.digestEvery', 'expected string'],
  ])('refuses newCaseAlerts %j with a message at %s', (newCaseAlerts, at, message) => {
    const parsed = CasePolicy.safeParse({ ...shipped, newCaseAlerts });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((candidate) => candidate.path.join('.') === at);
    expect(issue?.message).toContain(message);
  });
});

describe('case policy, a bad duration elsewhere', () => {
  it('is a parse error at its path, not a thrown error', () => {
    const shipped = loadDefaultPolicy();
    const parsed = CasePolicy.safeParse({
      ...shipped,
      sla: { ...shipped.sla, verification: { ...shipped.sla.verification, urgent: 'two hours' } },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['sla.verification.urgent']);
  });
});
