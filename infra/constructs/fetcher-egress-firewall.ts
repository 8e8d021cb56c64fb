import { Fn } from 'aws-cdk-lib';
import { RouterType, type Subnet, type Vpc } from 'aws-cdk-lib/aws-ec2';
import { CfnFirewall, CfnFirewallPolicy, CfnRuleGroup } from 'aws-cdk-lib/aws-networkfirewall';
import { Construct } from 'constructs';
import { BLOCKED_IPV4, BLOCKED_IPV6 } from '../../lib/net/blocked-ranges';

/** Ports the fetcher may reach on public addresses: HTTP, HTTPS and Temporal Cloud's gRPC frontend. */
export const FETCHER_FIREWALL_PORTS = [80, 443, 7233] as const;

/** Every range the fetch activity's guard refuses (lib/net), so the firewall and the guard never drift. */
export const FIREWALL_BLOCKED_CIDRS: readonly string[] = [...BLOCKED_IPV4, ...BLOCKED_IPV6].map(
  (r) => r.cidr,
);

/** Suricata rules, evaluated in strict order: private/reserved destinations dropped, then the allowed ports, then nothing. */
export function fetcherFirewallRules(): string {
  const ports = FETCHER_FIREWALL_PORTS.join(',');
  return [
    'drop ip $FETCHER any -> $BLOCKED any (msg:"fetcher to a private or reserved range"; sid:1200001; rev:1;)',
    `pass tcp $FETCHER any -> any [${ports}] (msg:"fetcher to a public address"; sid:1200002; rev:1;)`,
    'drop ip $FETCHER any -> any any (msg:"fetcher: any other traffic"; sid:1200003; rev:1;)',
  ].join('\n');
}

export interface FetcherEgressFirewallProps {
  readonly vpc: Vpc;
  /** The fetcher's subnets (one per AZ, no route out of their own). */
  readonly fetcherSubnets: readonly Subnet[];
  /** One subnet per AZ for the firewall endpoints; their default route goes to a NAT gateway. */
  readonly firewallSubnets: readonly Subnet[];
  /** Subnets holding the NAT gateways: return traffic to the fetcher goes back through the firewall. */
  readonly publicSubnets: readonly Subnet[];
}

/**
 * AWS Network Firewall between the fetcher and the NAT gateways. Security groups cannot say "the internet
 * except private ranges"; this stateful rule group can. One firewall per AZ, all sharing one policy, so each
 * has exactly one endpoint and the route to it needs no lookup of which endpoint sits in which AZ.
 * Routes are symmetric: fetcher subnet -> endpoint in its AZ -> NAT, and every public subnet sends traffic
 * for a fetcher subnet back through that subnet's endpoint.
 */
export class FetcherEgressFirewall extends Construct {
  readonly policy: CfnFirewallPolicy;
  readonly ruleGroup: CfnRuleGroup;

  constructor(scope: Construct, id: string, props: FetcherEgressFirewallProps) {
    super(scope, id);
    this.ruleGroup = new CfnRuleGroup(this, 'RuleGroup', {
      ruleGroupName: `${scope.node.path.replace(/\W/g, '')}-fetcher-egress`.slice(-128),
      type: 'STATEFUL',
      capacity: 100,
      description: 'Fetcher egress: public addresses on 80/443/7233 only',
      ruleGroup: {
        ruleVariables: {
          ipSets: {
            FETCHER: { definition: props.fetcherSubnets.map((s) => s.ipv4CidrBlock) },
            BLOCKED: { definition: [...FIREWALL_BLOCKED_CIDRS] },
          },
        },
        rulesSource: { rulesString: fetcherFirewallRules() },
        statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
      },
    });

    this.policy = new CfnFirewallPolicy(this, 'Policy', {
      firewallPolicyName: `${scope.node.path.replace(/\W/g, '')}-fetcher-egress`.slice(-128),
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
        statefulDefaultActions: ['aws:drop_established'],
        statefulRuleGroupReferences: [{ resourceArn: this.ruleGroup.attrRuleGroupArn, priority: 1 }],
      },
    });

    props.firewallSubnets.forEach((firewallSubnet, i) => {
      const fetcherSubnet = props.fetcherSubnets[i];
      if (!fetcherSubnet) throw new Error(`No fetcher subnet in the AZ of firewall subnet ${i}`);
      const firewall = new CfnFirewall(this, `Firewall${i}`, {
        firewallName: `${scope.node.path.replace(/\W/g, '')}-fetcher-${i}`.slice(-128),
        firewallPolicyArn: this.policy.attrFirewallPolicyArn,
        vpcId: props.vpc.vpcId,
        subnetMappings: [{ subnetId: firewallSubnet.subnetId }],
        deleteProtection: true,
        description: `Fetcher egress inspection, ${firewallSubnet.availabilityZone}`,
      });
      // The only endpoint of this firewall: "az:vpce-id".
      const endpointId = Fn.select(1, Fn.split(':', Fn.select(0, firewall.attrEndpointIds)));
      fetcherSubnet.addRoute('DefaultRouteThroughFirewall', {
        routerType: RouterType.VPC_ENDPOINT,
        routerId: endpointId,
        destinationCidrBlock: '0.0.0.0/0',
        enablesInternetConnectivity: true,
      });
      props.publicSubnets.forEach((publicSubnet, j) =>
        publicSubnet.addRoute(`ReturnToFetcher${i}From${j}`, {
          routerType: RouterType.VPC_ENDPOINT,
          routerId: endpointId,
          destinationCidrBlock: fetcherSubnet.ipv4CidrBlock,
        }),
      );
    });
  }
}
