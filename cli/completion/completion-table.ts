/**
 * What a shell may offer after each command path, computed from the command specs: the shell scripts
 * are generated from this table, so they list exactly the commands, options and values the parser knows.
 */
import {
  globalOptionSpecs,
  groupPaths,
  subcommandsOf,
  type CommandSpec,
  type OptionSpec,
} from '../command-spec';

const HELP_FLAGS = ['--help', '-h'];

export interface PathEntry {
  /** "" for `saring` itself, "case act" for a command. */
  path: string;
  subcommands: string[];
  options: string[];
  /** Options that take a value, with the values to offer (empty: any value). */
  valueOptions: { flag: string; values: readonly string[] }[];
  /** The values to offer per argument position (1-based); `rest` for every later position. */
  args: { position: number; values: readonly string[] }[];
  rest: readonly string[];
}

function optionParts(options: readonly OptionSpec[]): Pick<PathEntry, 'options' | 'valueOptions'> {
  return {
    options: [...options.map((option) => option.flag), ...HELP_FLAGS],
    valueOptions: options
      .filter((option) => option.takesValue)
      .map((option) => ({ flag: option.flag, values: option.values })),
  };
}

export function completionTable(specs: readonly CommandSpec[]): PathEntry[] {
  const groups: PathEntry[] = groupPaths(specs).map((path) => ({
    path: path.join(' '),
    subcommands: subcommandsOf(specs, path),
    ...optionParts(globalOptionSpecs()),
    args: [],
    rest: [],
  }));
  const commands: PathEntry[] = specs.map((spec) => {
    const last = spec.args.at(-1);
    return {
      path: spec.words.join(' '),
      subcommands: [],
      ...optionParts(spec.options),
      args: spec.args
        .map((arg, index) => ({ position: index + 1, values: arg.values }))
        .filter((arg) => arg.values.length > 0),
      rest: last?.variadic ? last.values : [],
    };
  });
  return [...groups, ...commands];
}
