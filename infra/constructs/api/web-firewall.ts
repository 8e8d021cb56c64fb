import { ArnFormat, Stack } from 'aws-cdk-lib';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { CfnLoggingConfiguration, CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { encryptedLogGroup } from '../encrypted-log-group';

export interface WebFirewallProps {
  readonly name: string;
  /** Requests per 5 minutes from one IP before it is blocked. */
  readonly rateLimit: number;
  /** Requests per 5 minutes from one IP to /api/public/* (complaints, tracking) before it is blocked. */
  readonly publicRateLimit?: number;
  readonly resourceArn: string;
  readonly logKey: IKey;
  readonly logRetentionDays: number;
}

const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
];

const PUBLIC_RATE_LIMIT = 100;

/**
 * Routes whose bodies may pass the Common Rule Set's 8 KB body limit: a statement draft (clarification body up to
 * 20,000 characters), a case note (5,000), a detection (text up to 20,000) and the NDJSON batch of detections.
 * Exact paths, no transformation: any other spelling keeps the 8 KB rule. The API still caps every body (1 MiB).
 */
export const LONG_BODY_PATHS =
  '^/api/(cases/[^/]+/(actions/draftStatement|notes)|detections|detections/batch|partners/[a-z0-9][a-z0-9-]{1,62}/detections)$';

/** The Common Rule Set's body-size rule and the label it leaves on a request it matched. */
const BODY_SIZE_RULE = 'SizeRestrictions_BODY';
const BODY_SIZE_LABEL = 'awswaf:managed:aws:core-rule-set:SizeRestrictions_Body';

/** Regional WAF in front of the load balancer: AWS managed rule groups plus a per-IP rate limit, logged. */
export class WebFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: WebFirewallProps) {
    super(scope, id);
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      rules: [
        ...MANAGED_RULE_GROUPS.map((name, priority) => ({
          name,
          priority,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name,
              // Counted (and labelled) here; the rule below blocks it everywhere but the long-body routes.
              ...(name === 'AWSManagedRulesCommonRuleSet'
                ? { ruleActionOverrides: [{ name: BODY_SIZE_RULE, actionToUse: { count: {} } }] }
                : {}),
            },
          },
          visibilityConfig: visibility(name),
        })),
        {
          name: 'RateLimitPerIp',
          priority: MANAGED_RULE_GROUPS.length,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimit, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
        {
          // The public routes need no login, so they get a much lower limit than the officers' API.
          // The API's own limit (per X-Forwarded-For client, per process) backs this one up.
          name: 'RateLimitPublicIntake',
          priority: MANAGED_RULE_GROUPS.length + 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.publicRateLimit ?? PUBLIC_RATE_LIMIT,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: '/api/public/',
                  textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
                },
              },
            },
          },
          visibilityConfig: visibility('RateLimitPublicIntake'),
        },
        {
          name: 'BodyOver8KbOutsideLongBodyRoutes',
          priority: MANAGED_RULE_GROUPS.length + 2,
          action: { block: {} },
          statement: {
            andStatement: {
              statements: [
                { labelMatchStatement: { scope: 'LABEL', key: BODY_SIZE_LABEL } },
                {
                  notStatement: {
                    statement: {
                      regexMatchStatement: {
                        fieldToMatch: { uriPath: {} },
                        regexString: LONG_BODY_PATHS,
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                  },
                },
              ],
            },
          },
          visibilityConfig: visibility('BodyOver8KbOutsideLongBodyRoutes'),
        },
      ],
    });

    new CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.resourceArn,
      webAclArn: this.webAcl.attrArn,
    });

    // WAF only delivers to log groups whose name starts with aws-waf-logs-.
    const logGroupName = `aws-waf-logs-${props.name}`;
    const logs = encryptedLogGroup(this, 'Logs', {
      logGroupName,
      encryptionKey: props.logKey,
      retentionDays: props.logRetentionDays,
    });
    const logging = new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the bare log group ARN, without the ':*' suffix of logGroupArn.
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // Session cookies and bearer tokens never reach the logs.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
    logging.node.addDependency(logs);
  }
}
