import { testPayloadKeys } from '../codec/test-codec';
import { localActivitiesConfig } from '../../../config/activities';

/** The local activities config the config tests start from (S3 on versitygw, the local simulators). */
export const localActivitiesForTests = localActivitiesConfig({
  s3: {
    endpoint: 'http://127.0.0.1:7070',
    region: 'ap-southeast-3',
    evidenceBucket: 'local-evidence',
    auditBucket: 'local-audit',
  },
  channels: {
    platformSimulator: 'http://127.0.0.1:8090',
    policeSimulator: 'http://127.0.0.1:8091',
    publishingSimulator: 'http://127.0.0.1:8092',
    webhookSink: 'http://127.0.0.1:8093',
    smtpSink: 'smtp://127.0.0.1:2525',
  },
});

/** A complete local worker and API config file's content, for tests to vary one field at a time. */
export const baseWorkerConfig = {
  temporal: { address: '127.0.0.1:7233', payloadKeys: testPayloadKeys },
  activities: localActivitiesForTests,
  api: {
    auth: { issuer: 'http://127.0.0.1:8085', consoleClientId: 'saring-console', cliClientId: 'saring-cli' },
    reporterVault: {
      s3: { endpoint: 'http://127.0.0.1:7070' },
      bucket: 'local-vault',
      keys: { masterKeyFile: '/tmp/vault-master-key.json' },
    },
  },
  s3: { evidenceBucket: 'local-evidence', auditBucket: 'local-audit' },
};
