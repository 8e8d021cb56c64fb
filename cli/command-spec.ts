/**
 * The shape of each command as the parser and the shell completions see it, derived from the command's
 * own definition: its words, the <arguments> of its usage line, and its zod schemas (option names, which
 * options take a value, and the allowed values of enums). Nothing here is written twice.
 */
import { z } from 'zod';
import type { Command } from './command';
import { GLOBAL_BOOLEANS, GlobalFlags } from './global-options';

export interface ArgSpec {
  /** As in the usage line: "caseId", "text". */
  name: string;
  variadic: boolean;
  /** The values a shell may offer (from a zod enum), else none. */
  values: readonly string[];
}

export interface OptionSpec {
  /** The zod key, "runId". */
  key: string;
  /** "--run-id". */
  flag: string;
  takesValue: boolean;
  values: readonly string[];
  /** One of the options every command takes (--api, --token, --json, --output). */
  global: boolean;
}

export interface CommandSpec {
  command: Command;
  words: string[];
  args: ArgSpec[];
  options: OptionSpec[];
}

/** "runId" -> "--run-id". */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** The values of an enum (or literal) schema, through optional and default wrappers. */
export function enumValues(schema: z.ZodType | undefined): readonly string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return enumValues(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodEnum) return schema.options.map(String);
  return [];
}

/** The <arguments> of a usage line after the command's words: "saring case act <caseId> <step> (--json ..." */
export function usageArguments(
  command: Pick<Command, 'usage' | 'words'>,
): { name: string; variadic: boolean }[] {
  const tokens = command.usage.split(/\s+/).slice(1 + command.words.length);
  const args: { name: string; variadic: boolean }[] = [];
  for (const token of tokens) {
    const match = /^<([A-Za-z]+)(\.\.\.)?>$/.exec(token);
    if (!match) break;
    args.push({ name: match[1]!, variadic: match[2] !== undefined });
  }
  return args;
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  return schema instanceof z.ZodObject ? schema.shape : {};
}

function tupleItems(schema: z.ZodType): { items: readonly z.ZodType[]; rest: z.ZodType | undefined } {
  if (!(schema instanceof z.ZodTuple)) return { items: [], rest: undefined };
  return {
    items: schema.def.items as z.ZodType[],
    rest: (schema.def.rest ?? undefined) as z.ZodType | undefined,
  };
}

function optionSpecs(
  shape: Record<string, z.ZodType>,
  booleans: readonly string[],
  global: boolean,
): OptionSpec[] {
  return Object.entries(shape).map(([key, schema]) => ({
    key,
    flag: flagOf(key),
    takesValue: !booleans.includes(key),
    values: enumValues(schema),
    global,
  }));
}

/** The global options, as they stand before any command word. */
export function globalOptionSpecs(): OptionSpec[] {
  return optionSpecs(objectShape(GlobalFlags), GLOBAL_BOOLEANS, true);
}

export function commandSpec(command: Command): CommandSpec {
  const own = optionSpecs(objectShape(command.flags), command.booleans ?? [], false);
  const globals = globalOptionSpecs().filter((option) => !own.some((mine) => mine.key === option.key));
  const { items, rest } = tupleItems(command.positionals);
  return {
    command,
    words: command.words,
    args: usageArguments(command).map((arg, index) => ({
      ...arg,
      values: enumValues(arg.variadic ? rest : items[index]),
    })),
    options: [...own, ...globals],
  };
}

/** The command words that may follow `path` (["case"] -> show, timeline, ...), in definition order. */
export function subcommandsOf(specs: readonly CommandSpec[], path: readonly string[]): string[] {
  const next = specs
    .filter(
      (spec) => spec.words.length > path.length && path.every((word, index) => spec.words[index] === word),
    )
    .map((spec) => spec.words[path.length]!);
  return [...new Set(next)];
}

/** Every group of commands ("", "case", "cases", "audit"): the paths that have subcommands. */
export function groupPaths(specs: readonly CommandSpec[]): string[][] {
  const paths = new Map<string, string[]>([['', []]]);
  for (const spec of specs)
    for (let length = 1; length < spec.words.length; length += 1)
      paths.set(spec.words.slice(0, length).join(' '), spec.words.slice(0, length));
  return [...paths.values()];
}
