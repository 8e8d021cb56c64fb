import path from 'node:path';
import { TOOLCHAIN_VERSIONS as V } from './versions';

/** Repository root, whichever script or test imports this. */
export const REPO_ROOT = path.resolve(__dirname, '..');
export const TOOLCHAIN_DIR = path.join(REPO_ROOT, '.toolchain');
export const DATA_DIR = path.join(REPO_ROOT, '.data');

export const toolchainPaths = {
  temporalCliDir: path.join(TOOLCHAIN_DIR, `temporal-cli-${V.temporalCli.version}`),
  temporalServerDir: path.join(
    TOOLCHAIN_DIR,
    `temporal-server-${V.temporalServer.version}-dockerize-${V.dockerize.version}`,
  ),
  versitygwDir: path.join(TOOLCHAIN_DIR, `versitygw-${V.versitygw.version}`),
  craneDir: path.join(TOOLCHAIN_DIR, `crane-${V.crane.version}`),
  testServerDir: path.join(TOOLCHAIN_DIR, `temporal-test-server-${V.temporalTestServer.version}`),
  pythonToolsDir: path.join(
    TOOLCHAIN_DIR,
    `python-tools-cfnlint${V.pythonTools.cfnLint}-checkov${V.pythonTools.checkov}`,
  ),
  /** Resolved locations of every tool, written by setup and read by the start command and the tests. */
  manifest: path.join(TOOLCHAIN_DIR, 'manifest.json'),
  logsDir: path.join(TOOLCHAIN_DIR, 'logs'),
};
