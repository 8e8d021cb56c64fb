import { CfnOutput } from 'aws-cdk-lib';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import {
  FlowLogDestination,
  FlowLogTrafficType,
  GatewayVpcEndpointAwsService,
  InterfaceVpcEndpointAwsService,
  IpAddresses,
  Peer,
  Port,
  SecurityGroup,
  type Subnet,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import { type Construct } from 'constructs';
import { type INTERFACE_ENDPOINTS } from '../config/schema';
import { acknowledge } from '../compliance';
import { encryptedLogGroup } from '../constructs/encrypted-log-group';
import { FetcherEgressFirewall } from '../constructs/fetcher-egress-firewall';
import { SaringStack, type SaringStackProps } from './saring-stack';

export interface NetworkStackProps extends SaringStackProps {
  readonly platformKey: IKey;
}

/** Subnet groups every other stack places its resources in. */
export const SUBNETS = {
  /** Load balancer and NAT gateways only. */
  public: { subnetGroupName: 'public' },
  /** Fargate tasks; egress through NAT to platforms' APIs and Temporal Cloud. */
  app: { subnetGroupName: 'app' },
  /** Aurora: no route out of the VPC at all. */
  data: { subnetGroupName: 'data' },
  /** The fetcher only: default route through the egress firewall (no NAT route of its own). */
  fetcher: { subnetGroupName: 'fetcher' },
  /** Network Firewall endpoints for the fetcher; default route to NAT. */
  firewall: { subnetGroupName: 'firewall' },
} as const;

const ENDPOINT_SERVICES: Record<(typeof INTERFACE_ENDPOINTS)[number], InterfaceVpcEndpointAwsService> = {
  'ecr.api': InterfaceVpcEndpointAwsService.ECR,
  'ecr.dkr': InterfaceVpcEndpointAwsService.ECR_DOCKER,
  logs: InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  secretsmanager: InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  kms: InterfaceVpcEndpointAwsService.KMS,
  monitoring: InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
  sts: InterfaceVpcEndpointAwsService.STS,
};

/** VPC with public, private (app) and isolated (data) subnets, VPC endpoints and flow logs. */
export class NetworkStack extends SaringStack {
  readonly vpc: Vpc;

  constructor(scope: Construct, props: NetworkStackProps) {
    super(scope, 'Network', props);
    const platformKey = this.keyRef('PlatformKey', props.platformKey);
    const { network } = this.config;

    const flowLogs = encryptedLogGroup(this, 'FlowLogs', {
      encryptionKey: platformKey,
      retentionDays: network.flowLogRetentionDays,
    });

    this.vpc = new Vpc(this, 'Vpc', {
      ipAddresses: IpAddresses.cidr(network.cidr),
      availabilityZones: [...this.config.availabilityZones],
      natGateways: network.natGateways,
      restrictDefaultSecurityGroup: false,
      subnetConfiguration: [
        {
          name: SUBNETS.public.subnetGroupName,
          subnetType: SubnetType.PUBLIC,
          cidrMask: 24,
          mapPublicIpOnLaunch: false,
        },
        { name: SUBNETS.app.subnetGroupName, subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: SUBNETS.data.subnetGroupName, subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
        { name: SUBNETS.fetcher.subnetGroupName, subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
        { name: SUBNETS.firewall.subnetGroupName, subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 28 },
      ],
      flowLogs: {
        all: {
          destination: FlowLogDestination.toCloudWatchLogs(flowLogs),
          trafficType: FlowLogTrafficType.ALL,
        },
      },
      gatewayEndpoints: {
        s3: {
          service: GatewayVpcEndpointAwsService.S3,
          subnets: [SUBNETS.app, SUBNETS.data, SUBNETS.fetcher],
        },
      },
    });

    new FetcherEgressFirewall(this, 'FetcherEgress', {
      vpc: this.vpc,
      fetcherSubnets: this.vpc.selectSubnets(SUBNETS.fetcher).subnets as Subnet[],
      firewallSubnets: this.vpc.selectSubnets(SUBNETS.firewall).subnets as Subnet[],
      publicSubnets: this.vpc.selectSubnets(SUBNETS.public).subnets as Subnet[],
    });

    // For one-off tasks (`aws ecs run-task`) and anything else engineers launch by hand.
    new CfnOutput(this, 'AppSubnetIds', { value: this.vpc.selectSubnets(SUBNETS.app).subnetIds.join(',') });

    acknowledge(this.vpc, {
      id: 'CloudFormation-Validate::W3010',
      reason:
        'Availability zones come from config on purpose: synth must never look them up (offline, deterministic).',
    });

    if (network.interfaceEndpoints.length > 0) {
      const endpointSecurityGroup = new SecurityGroup(this, 'EndpointSecurityGroup', {
        vpc: this.vpc,
        description: 'Interface VPC endpoints: HTTPS from inside the VPC only',
        allowAllOutbound: false,
      });
      endpointSecurityGroup.addIngressRule(Peer.ipv4(network.cidr), Port.tcp(443), 'HTTPS from the VPC');
      for (const name of network.interfaceEndpoints) {
        this.vpc.addInterfaceEndpoint(`Endpoint-${name}`, {
          service: ENDPOINT_SERVICES[name],
          subnets: SUBNETS.app,
          privateDnsEnabled: true,
          securityGroups: [endpointSecurityGroup],
          open: false,
        });
      }
    }
  }
}
