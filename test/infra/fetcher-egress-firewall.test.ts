import { BLOCKED_IPV4, BLOCKED_IPV6 } from '../../lib/net/blocked-ranges';
import { FETCHER_FIREWALL_PORTS } from '../../infra/constructs/fetcher-egress-firewall';
import { type CfnTemplate, resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

/** The ranges the issue names explicitly; each must be covered by lib/net and so by the firewall. */
const REQUIRED = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '169.254.0.0/16',
  '169.254.169.254/32',
  '127.0.0.0/8',
  '0.0.0.0/8',
  '192.0.0.0/24',
  '198.18.0.0/15',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
  '64:ff9b::/96',
  '2002::/16',
  '::ffff:0:0/96',
];

function logicalIdOf(ref: unknown): string | undefined {
  return (ref as { Ref?: string } | undefined)?.Ref;
}

describe.each([
  ['dev', SELECTIONS.devSelfHosted],
  ['prod', SELECTIONS.prodSelfHosted],
] as const)('fetcher egress firewall, %s', (_env, selection) => {
  const synth = useSynthesis(selection);
  const network = (): CfnTemplate => synth().json('network');

  it('drops the fetcher to every range the activity guard blocks (lib/net), before allowing public 80/443', () => {
    const [[, group] = []] = resourcesOfType(network(), 'AWS::NetworkFirewall::RuleGroup');
    const rg = group!.Properties!.RuleGroup as {
      RuleVariables: { IPSets: Record<string, { Definition: string[] }> };
      RulesSource: { RulesString: string };
      StatefulRuleOptions: { RuleOrder: string };
    };
    const blocked = rg.RuleVariables.IPSets.BLOCKED!.Definition;
    expect(new Set(blocked)).toEqual(new Set([...BLOCKED_IPV4, ...BLOCKED_IPV6].map((r) => r.cidr)));
    for (const cidr of REQUIRED) expect(blocked).toContain(cidr);
    expect(rg.StatefulRuleOptions.RuleOrder).toBe('STRICT_ORDER');
    const rules = rg.RulesSource.RulesString;
    const lines = rules.split('\n');
    expect(lines[0]).toMatch(/^drop ip \$FETCHER any -> \$BLOCKED any /);
    expect(lines[1]).toMatch(
      new RegExp(`^pass tcp \\$FETCHER any -> any \\[${FETCHER_FIREWALL_PORTS.join(',')}\\] `),
    );
    expect(FETCHER_FIREWALL_PORTS).toEqual(expect.arrayContaining([80, 443]));
    expect(lines[2]).toMatch(/^drop ip \$FETCHER any -> any any /);
    const [[, policy] = []] = resourcesOfType(network(), 'AWS::NetworkFirewall::FirewallPolicy');
    const p = policy!.Properties!.FirewallPolicy as Record<string, unknown>;
    expect(p.StatefulEngineOptions).toEqual({ RuleOrder: 'STRICT_ORDER' });
    expect(p.StatefulDefaultActions).toEqual(['aws:drop_established']);
  });

  it('routes each fetcher subnet out through the firewall endpoint of its AZ, and returns through it', () => {
    const t = network();
    const subnets = resourcesOfType(t, 'AWS::EC2::Subnet');
    const firewalls = resourcesOfType(t, 'AWS::NetworkFirewall::Firewall');
    const azs = synth().config.availabilityZones;
    expect(firewalls).toHaveLength(azs.length);
    const fetcherSubnets = subnets.filter(([id]) => /fetcherSubnet/.test(id));
    expect(fetcherSubnets).toHaveLength(azs.length);
    const routes = resourcesOfType(t, 'AWS::EC2::Route');
    const associations = resourcesOfType(t, 'AWS::EC2::SubnetRouteTableAssociation');
    const firewallOfEndpoint = (endpoint: unknown): string =>
      JSON.stringify(endpoint).match(/"Fn::GetAtt":\["([^"]+)","EndpointIds"\]/)![1]!;
    for (const [subnetId, subnet] of fetcherSubnets) {
      const table = associations.find(([, a]) => logicalIdOf(a.Properties?.SubnetId) === subnetId)![1]
        .Properties!.RouteTableId;
      const own = routes.filter(([, r]) => logicalIdOf(r.Properties?.RouteTableId) === logicalIdOf(table));
      // Exactly one route of its own: the default, to a firewall endpoint (no NAT, no internet gateway).
      expect(own).toHaveLength(1);
      const [, route] = own[0]!;
      expect(route.Properties?.DestinationCidrBlock).toBe('0.0.0.0/0');
      expect(route.Properties?.NatGatewayId).toBeUndefined();
      expect(route.Properties?.GatewayId).toBeUndefined();
      const firewallId = firewallOfEndpoint(route.Properties?.VpcEndpointId);
      const firewall = firewalls.find(([id]) => id === firewallId)![1];
      const mapped = logicalIdOf(
        (firewall.Properties?.SubnetMappings as { SubnetId: unknown }[])[0]!.SubnetId,
      )!;
      const firewallSubnet = subnets.find(([id]) => id === mapped)![1];
      expect(mapped).toMatch(/firewallSubnet/);
      expect(firewallSubnet.Properties?.AvailabilityZone).toBe(subnet.Properties?.AvailabilityZone);
      // Return traffic from every NAT gateway's subnet goes back through the same endpoint.
      const returns = routes.filter(
        ([, r]) =>
          r.Properties?.DestinationCidrBlock === subnet.Properties?.CidrBlock && r.Properties?.VpcEndpointId,
      );
      expect(returns).toHaveLength(azs.length);
      for (const [, r] of returns) expect(firewallOfEndpoint(r.Properties?.VpcEndpointId)).toBe(firewallId);
    }
  });
});
