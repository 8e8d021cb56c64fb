import { CASE_UPDATE_NAMES } from '../../domain';
import { LONG_BODY_PATHS } from '../../infra/constructs/api/web-firewall';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const dev = useSynthesis(SELECTIONS.devSelfHosted);

interface Rule {
  Name: string;
  Priority: number;
  Action?: Record<string, unknown>;
  Statement: Record<string, unknown>;
}

function rules(): Rule[] {
  const acls = resourcesOfType(dev().json('api'), 'AWS::WAFv2::WebACL');
  expect(acls).toHaveLength(1);
  return (acls[0]![1].Properties as { Rules: Rule[] }).Rules;
}

describe('WAF body size (issue 11, defect 12)', () => {
  it("counts the Common Rule Set's 8 KB body rule, then blocks its label on every route but the long-body ones", () => {
    const all = rules();
    const common = all.find((r) => r.Name === 'AWSManagedRulesCommonRuleSet')!;
    expect(common.Statement).toEqual({
      ManagedRuleGroupStatement: {
        VendorName: 'AWS',
        Name: 'AWSManagedRulesCommonRuleSet',
        RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
      },
    });
    const block = all.find((r) => r.Name === 'BodyOver8KbOutsideLongBodyRoutes')!;
    // A label is visible only to rules evaluated after the one that set it.
    expect(block.Priority).toBeGreaterThan(common.Priority);
    expect(block.Action).toEqual({ Block: {} });
    expect(block.Statement).toEqual({
      AndStatement: {
        Statements: [
          {
            LabelMatchStatement: {
              Scope: 'LABEL',
              Key: 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body',
            },
          },
          {
            NotStatement: {
              Statement: {
                RegexMatchStatement: {
                  FieldToMatch: { UriPath: {} },
                  RegexString: LONG_BODY_PATHS,
                  TextTransformations: [{ Priority: 0, Type: 'NONE' }],
                },
              },
            },
          },
        ],
      },
    });
    // The other managed groups keep every rule as AWS ships it.
    for (const r of all.filter((x) => x.Name !== common.Name && 'ManagedRuleGroupStatement' in x.Statement))
      expect(r.Statement.ManagedRuleGroupStatement).not.toHaveProperty('RuleActionOverrides');
  });

  it('exempts exactly the API routes that take long bodies', () => {
    const longBody = new RegExp(LONG_BODY_PATHS);
    expect(CASE_UPDATE_NAMES).toContain('draftStatement');
    for (const path of [
      '/api/cases/c-2026-0001/actions/draftStatement',
      '/api/cases/c-2026-0001/notes',
      '/api/detections',
      '/api/detections/batch',
      '/api/partners/cekfakta-network/detections',
    ])
      expect({ path, exempt: longBody.test(path) }).toEqual({ path, exempt: true });
    for (const path of [
      '/api/public/complaints',
      '/api/cases/c-2026-0001/actions/submitVerdict',
      '/api/cases/c-2026-0001/actions/draftStatement/x',
      '/api/cases',
      '/API/detections',
      '/api/detections/batch/',
      '/api/partners/Cek_Fakta/detections',
      '/api/partners/x/detections/more',
      '/console/index.html',
    ])
      expect({ path, exempt: longBody.test(path) }).toEqual({ path, exempt: false });
  });
});
