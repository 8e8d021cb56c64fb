import fs from 'node:fs';
import path from 'node:path';

/** Every regular file under `dir` (recursively), with its path relative to `dir`. */
export function filesUnder(dir: string): { relative: string; bytes: Buffer }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((relative) => {
    const file = path.join(dir, relative);
    return fs.statSync(file).isFile() ? [{ relative, bytes: fs.readFileSync(file) }] : [];
  });
}

/** The secrets found in clear in any of the files, as "file: secret" lines (empty when none). */
export function clearTextFindings(
  files: { relative: string; bytes: Buffer }[],
  secrets: readonly string[],
): string[] {
  return files.flatMap(({ relative, bytes }) =>
    secrets.filter((secret) => bytes.includes(Buffer.from(secret))).map((secret) => `${relative}: ${secret}`),
  );
}

/** Whether the control string shows in at least one of the files: proof the scan reads the right files. */
export function anyFileHas(files: { relative: string; bytes: Buffer }[], control: string): boolean {
  return files.some(
    ({ relative, bytes }) => relative.includes(control) || bytes.includes(Buffer.from(control)),
  );
}
