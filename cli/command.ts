import type { z } from 'zod';
import type { ApiClient } from './api-client';

export interface CliContext {
  /** The API client; asking for it without a URL or token is a usage error. */
  api(): ApiClient;
  /** --api or SARING_API_URL, when given. */
  apiUrl: string | undefined;
  /** The environment (the token store's location). */
  env: NodeJS.ProcessEnv;
  /** --json: machine-readable output on stdout. */
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

/** One `saring` command: its words, its help, and zod schemas for its arguments and options. */
export interface Command<P extends z.ZodType = z.ZodType, F extends z.ZodType = z.ZodType> {
  /** e.g. ['case', 'act']. */
  words: string[];
  summary: string;
  usage: string;
  /** More help: options, examples. */
  help: string;
  positionals: P;
  flags: F;
  /** Options that take no value. */
  booleans?: string[];
  /** Returns the exit code (0 when omitted). */
  run(input: { args: z.infer<P>; flags: z.infer<F>; ctx: CliContext }): Promise<number | void>;
}

export function defineCommand<P extends z.ZodType, F extends z.ZodType>(command: Command<P, F>): Command {
  return command;
}
