import crypto from 'node:crypto';
import { CLOUD_OPS_ENV } from '../../config/temporal-cloud-ops';
import { ENTRYPOINTS } from '../../infra/image';
import { CLOUD_OPS_SECRET_FIELD } from '../../infra/constructs/temporal/cloud-search-attributes';
import { startCloudOpsStandIn } from '../../rehearsal/cloud-ops-stand-in';
import {
  findRegistrationTask,
  type RegistrationTask,
  runRegistrationTask,
} from '../../rehearsal/cloud-search-attributes';
import { PINNED_IMAGES } from '../../rehearsal/images';
import { readAssembly, TemplateResolver } from '../../rehearsal/templates';
import { requiredCloudSearchAttributes } from '../../workers/cloud-search-attributes/register';
import { resourcesOfType, SELECTIONS, useSynthesis } from '../support/infra/synth';

/**
 * Defect 3 in Temporal Cloud mode: the case search attributes are registered at deploy time by a one-off task
 * (Cloud Ops API) that the workers and the fetcher wait for. Its container is read from the synthesized template
 * and run as ECS would compose it, against a stand-in for the Cloud Ops API that parses every request with the
 * task's own schemas. Not exercised: the real Temporal Cloud (no account, no network).
 */
const cloud = useSynthesis(SELECTIONS.devCloud);

describe('Temporal Cloud search attribute registration (deploy-time task)', () => {
  let task: RegistrationTask;
  let workersStack: string;
  beforeAll(() => {
    const synth = cloud();
    const assembly = readAssembly(synth.outdir, {
      region: synth.config.region,
      account: synth.config.account,
    });
    const resolver = new TemplateResolver(assembly, (r, a) => `rehearsal-${r.id}-${a}`);
    workersStack = synth.stacks.workers.artifactId;
    task = findRegistrationTask(resolver, workersStack, [...assembly.templates.keys()]);
  });

  it('runs the app image with its own entry file, the namespace and a Cloud Ops key secret of its own', () => {
    expect(task.container.image).toBe(PINNED_IMAGES.app);
    expect(task.container.processLine).toEqual([
      ...PINNED_IMAGES.app.entryPoint,
      ENTRYPOINTS.registerCloudSearchAttributes,
    ]);
    expect(task.container.environment[CLOUD_OPS_ENV.namespace]).toBe(
      cloud().config.temporal.mode === 'cloud' ? cloud().config.temporal.namespace : 'unreachable',
    );
    const secret = task.container.secrets[CLOUD_OPS_ENV.apiKey]!;
    expect(secret.field).toBe(CLOUD_OPS_SECRET_FIELD);
    expect(secret.secretName).toBe(`saring/${cloud().config.name}/temporal/cloud-ops`);
    expect(task.secretKeys).toContain(CLOUD_OPS_SECRET_FIELD);
  });

  it('the worker and the fetcher services start only after the registration run succeeded', () => {
    const services = resourcesOfType(cloud().json('workers'), 'AWS::ECS::Service').map(([id]) => id);
    expect(services).toHaveLength(2);
    expect([...task.servicesAfterRun].sort()).toEqual([...services].sort());
  });

  it('its security group allows HTTPS out only', () => {
    const groups = resourcesOfType(cloud().json('workers'), 'AWS::EC2::SecurityGroup').filter(([, r]) =>
      String(r.Properties?.GroupDescription).includes('search attribute registration'),
    );
    expect(groups).toHaveLength(1);
    const egress = groups[0]![1].Properties?.SecurityGroupEgress as { FromPort: number; ToPort: number }[];
    expect(egress.map((e) => [e.FromPort, e.ToPort])).toEqual([[443, 443]]);
  });

  it('registers the 9 attributes through a Cloud Ops API stand-in, keeps the rest of the spec, and is idempotent', async () => {
    const apiKey = crypto.randomBytes(16).toString('hex');
    const namespace = task.container.environment[CLOUD_OPS_ENV.namespace]!;
    const other = { retentionDays: 30, mtlsAuth: { acceptedClientCa: 'LS0t' } };
    const standIn = await startCloudOpsStandIn({
      namespace,
      apiKey,
      initialSpec: { ...other, searchAttributes: { TeamOwned: 'SEARCH_ATTRIBUTE_TYPE_KEYWORD' } },
    });
    try {
      const first = await runRegistrationTask(task, { [CLOUD_OPS_ENV.apiKey]: apiKey }, standIn.url);
      expect(first.output).toContain('all 9 search attributes registered');
      expect(first.code).toBe(0);
      expect(standIn.requests.filter((r) => r.refusal)).toEqual([]);
      expect(standIn.spec()).toEqual({
        ...other,
        searchAttributes: { TeamOwned: 'SEARCH_ATTRIBUTE_TYPE_KEYWORD', ...requiredCloudSearchAttributes() },
      });
      expect(Object.keys(requiredCloudSearchAttributes())).toHaveLength(9);

      const updatesBefore = standIn.requests.filter((r) => r.method === 'POST').length;
      const second = await runRegistrationTask(task, { [CLOUD_OPS_ENV.apiKey]: apiKey }, standIn.url);
      expect(second.code).toBe(0);
      expect(second.output).toContain('already registered');
      expect(standIn.requests.filter((r) => r.method === 'POST')).toHaveLength(updatesBefore);
    } finally {
      await standIn.close();
    }
  }, 60_000);

  it('fails the deployment (non-zero exit, a reason) on a wrong key, the placeholder key, or a conflicting type', async () => {
    const apiKey = crypto.randomBytes(16).toString('hex');
    const namespace = task.container.environment[CLOUD_OPS_ENV.namespace]!;
    const standIn = await startCloudOpsStandIn({
      namespace,
      apiKey,
      initialSpec: { searchAttributes: { SaringRegion: 'SEARCH_ATTRIBUTE_TYPE_TEXT' } },
    });
    try {
      const wrongKey = await runRegistrationTask(
        task,
        { [CLOUD_OPS_ENV.apiKey]: 'not-the-key' },
        standIn.url,
      );
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.output).toMatch(/answered 401 \(the API key must belong to a service account/);

      const placeholder = await runRegistrationTask(
        task,
        { [CLOUD_OPS_ENV.apiKey]: 'REPLACE_ME' },
        standIn.url,
      );
      expect(placeholder.code).toBe(1);
      expect(placeholder.output).toContain('still the placeholder');

      const conflict = await runRegistrationTask(task, { [CLOUD_OPS_ENV.apiKey]: apiKey }, standIn.url);
      expect(conflict.code).toBe(1);
      expect(conflict.output).toContain(
        'SaringRegion as SEARCH_ATTRIBUTE_TYPE_TEXT (needs SEARCH_ATTRIBUTE_TYPE_KEYWORD)',
      );
      expect(standIn.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    } finally {
      await standIn.close();
    }
  }, 60_000);
});
