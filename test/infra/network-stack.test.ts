import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

const dev = useSynthesis(SELECTIONS.devSelfHosted);
const prod = useSynthesis(SELECTIONS.prodSelfHosted);

describe('network stack', () => {
  it.each([
    ['dev', dev],
    ['prod', prod],
  ])(
    '%s: public, private (app), isolated (data), fetcher and firewall subnets in every configured AZ, NATs as configured',
    (_env, synth) => {
      const { config } = synth();
      const t = synth().template('network');
      t.hasResourceProperties('AWS::EC2::VPC', {
        CidrBlock: config.network.cidr,
        EnableDnsHostnames: true,
        EnableDnsSupport: true,
      });
      const subnets = resourcesOfType(synth().json('network'), 'AWS::EC2::Subnet');
      expect(subnets).toHaveLength(5 * config.availabilityZones.length);
      expect(new Set(subnets.map(([, s]) => s.Properties?.AvailabilityZone))).toEqual(
        new Set(config.availabilityZones),
      );
      // Nothing launched in any subnet gets a public IP by itself.
      for (const [, subnet] of subnets) expect(subnet.Properties?.MapPublicIpOnLaunch).toBe(false);
      t.resourceCountIs('AWS::EC2::NatGateway', config.network.natGateways);
    },
  );

  it('records all traffic in flow logs, into an encrypted log group with the configured retention', () => {
    const t = dev().template('network');
    t.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: dev().config.network.flowLogRetentionDays,
      KmsKeyId: { 'Fn::ImportValue': Match.stringLikeRegexp('PlatformKey') },
    });
  });

  it('has an S3 gateway endpoint and the configured interface endpoints, reachable only from inside the VPC', () => {
    for (const synth of [dev, prod]) {
      const { config } = synth();
      const t = synth().template('network');
      t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Gateway',
        ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
      });
      const interfaces = resourcesOfType(synth().json('network'), 'AWS::EC2::VPCEndpoint').filter(
        ([, e]) => e.Properties?.VpcEndpointType === 'Interface',
      );
      expect(interfaces.map(([, e]) => e.Properties?.ServiceName).sort()).toEqual(
        config.network.interfaceEndpoints.map((name) => `com.amazonaws.${config.region}.${name}`).sort(),
      );
      for (const [, e] of interfaces) expect(e.Properties?.PrivateDnsEnabled).toBe(true);
      if (interfaces.length > 0) {
        t.hasResourceProperties('AWS::EC2::SecurityGroup', {
          GroupDescription: Match.stringLikeRegexp('Interface VPC endpoints'),
          SecurityGroupIngress: [
            { CidrIp: config.network.cidr, FromPort: 443, ToPort: 443, IpProtocol: 'tcp' },
          ],
        });
      }
    }
  });
});
