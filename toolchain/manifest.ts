import fs from 'node:fs';
import { z } from 'zod';
import { toolchainPaths } from './paths';

export const ToolchainManifest = z.object({
  temporalCli: z.object({ path: z.string().min(1), origin: z.enum(['env', 'path', 'built']) }),
  versitygw: z.object({ path: z.string().min(1) }),
  /** An executable wrapper that takes the port as its first argument, as sdk-core expects. */
  temporalTestServer: z.object({ path: z.string().min(1) }),
  pythonTools: z.object({ cfnLint: z.string().min(1), checkov: z.string().min(1) }),
});
export type ToolchainManifest = z.infer<typeof ToolchainManifest>;

export function readManifest(): ToolchainManifest {
  let raw: string;
  try {
    raw = fs.readFileSync(toolchainPaths.manifest, 'utf8');
  } catch {
    throw new Error(
      `No toolchain manifest at ${toolchainPaths.manifest}. Run \`npm run toolchain\` first (npm start and npm test do it for you).`,
    );
  }
  const parsed = ToolchainManifest.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    throw new Error(
      `The toolchain manifest ${toolchainPaths.manifest} is stale or damaged (${parsed.error.issues[0]?.message}). Run \`npm run toolchain\` again.`,
    );
  }
  return parsed.data;
}

export function writeManifest(manifest: ToolchainManifest): void {
  fs.writeFileSync(
    toolchainPaths.manifest,
    JSON.stringify(ToolchainManifest.parse(manifest), null, 2) + '\n',
  );
}
