import { RUNTIME_ENV } from '../../../config/runtime-env';
import { type ContainerDefinition } from './containers';

/** Names a process reads from its environment, recorded while its own config readers run on `env`. */
export function namesRead(
  readers: readonly ((env: NodeJS.ProcessEnv) => unknown)[],
  env: Readonly<Record<string, string>>,
): { read: Set<string>; errors: string[] } {
  const read = new Set<string>();
  const errors: string[] = [];
  const probe = new Proxy(
    { ...env },
    {
      get(target, name) {
        if (typeof name === 'string') read.add(name);
        return target[name as string];
      },
      has(target, name) {
        if (typeof name === 'string') read.add(name);
        return name in target;
      },
    },
  );
  for (const reader of readers) {
    try {
      reader(probe);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { read, errors };
}

/** Environment and secret names a container definition sets. */
export function namesSet(container: ContainerDefinition): string[] {
  return [...(container.Environment ?? []), ...(container.Secrets ?? [])].map((e) => e.Name);
}

/** Names of the runtime contract (config/runtime-env.ts): Saring's own, Temporal's client settings, the port. */
export function isContractName(name: string): boolean {
  return (
    /^(SARING|TEMPORAL)_[A-Z0-9_]+$/.test(name) || (Object.values(RUNTIME_ENV) as string[]).includes(name)
  );
}

export interface ContractProblems {
  /** Set by infra, read by no reader of the process. */
  setButNotRead: string[];
  /** Read by the process, part of the runtime contract, not set by infra and not optional for this process. */
  readButNotSet: string[];
}

/** Compares both sides; `optional` names a process may read without infra setting them (with a reason each). */
export function compareContract(
  set: readonly string[],
  read: ReadonlySet<string>,
  optional: Readonly<Record<string, string>>,
): ContractProblems {
  return {
    setButNotRead: set.filter((name) => !read.has(name)).sort(),
    readButNotSet: [...read]
      .filter((name) => isContractName(name) && !set.includes(name) && !(name in optional))
      .sort(),
  };
}
