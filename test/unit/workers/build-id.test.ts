import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version } from '../../../package.json';
import { caseWorkerBuildId, fetcherWorkerBuildId } from '../../../workers/build-id';

describe('worker build ids', () => {
  const code = 'var workflows = { ContentCaseWorkflowV2() {} };';
  const hash16 = createHash('sha256').update(code).digest('hex').slice(0, 16);

  it('names the release and the bundled code, the same for a bundle in memory and on disk', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saring-build-id-')), 'bundle.js');
    fs.writeFileSync(file, code);
    expect(caseWorkerBuildId({ code })).toBe(`saring@${version}+${hash16}`);
    expect(caseWorkerBuildId({ codePath: file })).toBe(`saring@${version}+${hash16}`);
    expect(caseWorkerBuildId({ code: `${code} ` })).not.toBe(`saring@${version}+${hash16}`);
  });

  it('is shorter than the SDK default it replaces, which every workflow task writes twice', () => {
    const sdkDefault = `@temporalio/worker@1.24.0+${createHash('sha256').update(code).digest('hex')}`;
    expect(caseWorkerBuildId({ code }).length).toBeLessThan(sdkDefault.length - 60);
    expect(fetcherWorkerBuildId()).toBe(`saring@${version}`);
  });
});
