import path from 'node:path';
import { REPO_ROOT } from '../toolchain/paths';
import { readCpuProfileDir } from './local-settings';
import { awaitReady, startManagedProcess, type ManagedProcess } from './managed-process';
import { fileSize, waitForLogLine } from './wait-for-log';

export interface NodeServiceOptions {
  name: string;
  /** TypeScript entry file, relative to the repository root. */
  entry: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  logFile: string;
  /** A log line that says the service is ready. */
  readyLine: RegExp;
  readyTimeoutMs?: number;
}

/**
 * SARING_CPU_PROFILE_DIR=dir writes a V8 CPU profile of every service to dir when it exits (open it in
 * Chrome's DevTools). Node refuses --cpu-prof in NODE_OPTIONS, so it is passed here.
 */
function cpuProfileFlags(): string[] {
  const dir = readCpuProfileDir();
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

/** Runs one of Saring's own TypeScript entry points (worker, API, simulators) as a child process. */
export async function startNodeService(options: NodeServiceOptions): Promise<ManagedProcess> {
  const offset = fileSize(options.logFile);
  const child = startManagedProcess({
    name: options.name,
    command: process.execPath,
    // `node --import tsx`, as in the image (Dockerfile), not the tsx command: tsx's own parent process
    // re-sends a stop signal and SIGKILLs the service when it does not acknowledge within 30 ms, which
    // on a busy machine cuts the worker's drain short.
    args: [
      ...cpuProfileFlags(),
      '--import',
      'tsx',
      path.join(REPO_ROOT, options.entry),
      ...(options.args ?? []),
    ],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...options.env },
    logFile: options.logFile,
    cwd: REPO_ROOT,
  });
  await awaitReady(
    child,
    waitForLogLine(options.logFile, options.readyLine, options.readyTimeoutMs ?? 90_000, offset),
  );
  return child;
}
