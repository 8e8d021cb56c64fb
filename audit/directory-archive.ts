import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveWriter } from './archive-store';

/** An archive copied to disk (e.g. `aws s3 sync s3://<audit bucket> <folder>`): keys are relative paths. */
export class DirectoryArchive implements ArchiveWriter {
  readonly where: string;

  constructor(private readonly root: string) {
    this.where = root;
  }

  private file(key: string): string {
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(path.resolve(this.root) + path.sep))
      throw new Error(`archive key ${key} points outside ${this.root}`);
    return resolved;
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(fs.readFileSync(this.file(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else keys.push(path.relative(this.root, full).split(path.sep).join('/'));
      }
    };
    walk(this.root);
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }

  async putOnce(key: string, body: Uint8Array): Promise<{ created: boolean }> {
    const file = this.file(key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, body, { flag: 'wx' });
      return { created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { created: false };
      throw error;
    }
  }

  async putVersion(key: string, body: Uint8Array): Promise<void> {
    const file = this.file(key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
  }
}
