/**
 * The command line's shape, parsed by commander: the command words, the <arguments> each command's
 * usage line names, and the options of its zod schemas (plus the global ones). Commander only splits
 * argv; the values are validated afterwards by the command's zod schemas (see main.ts). Its errors
 * become usage errors in Saring's own words and format, and --help prints Saring's own help texts.
 */
import { Command as Commander, type CommanderError, Option } from 'commander';
import { UsageError } from './args';
import { commandHelp } from './help';
import { globalOptionSpecs, type CommandSpec, type OptionSpec } from './command-spec';

export type ParseOutcome =
  /** Help was printed (0), or no command was given (2). */
  | { kind: 'exit'; code: number }
  | {
      kind: 'run';
      spec: CommandSpec;
      /** Every argument after the command words, as given. */
      operands: string[];
      /** Global options, from before and after the command words. */
      globals: Record<string, unknown>;
      /** The command's own options. */
      flags: Record<string, unknown>;
    };

/** Thrown through commander when it has printed help. */
class HelpShown extends Error {}

/** Commander's errors (by their documented codes) in the words Saring has always used. */
function usageError(error: CommanderError, usage: string): Error {
  if (error.code === 'commander.helpDisplayed') return new HelpShown();
  const message = error.message.replace(/^error: /, '');
  // The option or argument commander names in quotes; without one, its own words are clear enough.
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (quoted === undefined) return new UsageError(message, usage);
  switch (error.code) {
    case 'commander.unknownOption': {
      const suggestion = /\(Did you mean (\S+)\?\)/.exec(message)?.[1];
      return new UsageError(
        `unknown option ${quoted}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
        usage,
      );
    }
    case 'commander.optionMissingArgument':
      return new UsageError(`${quoted.split(' ')[0]} needs a value`, usage);
    case 'commander.missingArgument':
      return new UsageError(`missing <${quoted}>`, usage);
    default:
      return new UsageError(message, usage);
  }
}

interface Settings {
  out(text: string): void;
  globalUsage: string;
  /** Options seen so far in this parse, to refuse one given twice. */
  seen: Set<string>;
}

function newCommand(name: string, helpText: string, usage: string, settings: Settings): Commander {
  return new Commander(name)
    .helpCommand(false)
    .enablePositionalOptions()
    .allowExcessArguments()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => settings.out(text.replace(/\n$/, '')),
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .configureHelp({ formatHelp: () => `${helpText}\n` })
    .exitOverride((error) => {
      throw usageError(error, usage);
    });
}

function addOptions(
  command: Commander,
  options: readonly OptionSpec[],
  usage: string,
  settings: Settings,
): void {
  for (const spec of options) {
    const option = new Option(spec.takesValue ? `${spec.flag} <value>` : spec.flag);
    // Like a missing value: "--status --breached" does not make "--breached" the status.
    if (spec.takesValue)
      option.argParser((value: string) => {
        if (/^--./.test(value)) throw new UsageError(`${spec.flag} needs a value`, usage);
        return value;
      });
    command.addOption(option);
    const id = `${spec.global ? 'global' : 'own'} ${spec.key}`;
    command.on(`option:${option.name()}`, () => {
      if (settings.seen.has(id)) throw new UsageError(`${spec.flag} is given twice`, usage);
      settings.seen.add(id);
    });
  }
}

/** A group of commands ("saring", "saring case"): anything but one of its commands is unknown. */
function newGroup(path: string[], settings: Settings, onEmpty: () => void): Commander {
  const group = newCommand(
    path.at(-1) ?? 'saring',
    `usage: ${settings.globalUsage}`,
    settings.globalUsage,
    settings,
  );
  addOptions(group, globalOptionSpecs(), settings.globalUsage, settings);
  group.argument('[words...]').action((words: string[]) => {
    if (path.length === 0 && words.length === 0) return onEmpty();
    throw new UsageError(`unknown command "${[...path, ...words].join(' ')}"`, settings.globalUsage);
  });
  return group;
}

export async function parseCommandLine(
  argv: readonly string[],
  specs: readonly CommandSpec[],
  globalUsage: string,
  out: (text: string) => void,
): Promise<ParseOutcome> {
  const settings: Settings = { out, globalUsage, seen: new Set() };
  let outcome: ParseOutcome | undefined;
  const groups = new Map<string, Commander>();
  const groupOf = (path: string[]): Commander => {
    const key = path.join(' ');
    let group = groups.get(key);
    if (!group) {
      group = newGroup(path, settings, () => {
        if (argv.length > 0) throw new UsageError('no command given', globalUsage);
        out(`usage: ${globalUsage}`);
        outcome = { kind: 'exit', code: 2 };
      });
      groups.set(key, group);
      if (path.length > 0) groupOf(path.slice(0, -1)).addCommand(group);
    }
    return group;
  };
  const root = groupOf([]);

  for (const spec of specs) {
    const { command } = spec;
    const leaf = newCommand(command.words.at(-1)!, commandHelp(command), command.usage, settings);
    // A variadic argument is left to zod ("the note text is missing"); the others must be there.
    for (const arg of spec.args) leaf.argument(arg.variadic ? `[${arg.name}...]` : `<${arg.name}>`);
    addOptions(leaf, spec.options, command.usage, settings);
    leaf.action(() => {
      const variadic = spec.args.at(-1)?.variadic === true;
      if (!variadic && leaf.args.length > spec.args.length)
        throw new UsageError(`unexpected argument "${leaf.args[spec.args.length]}"`, command.usage);
      const globals: Record<string, unknown> = {};
      for (let parent = leaf.parent; parent; parent = parent.parent) Object.assign(globals, parent.opts());
      const flags: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(leaf.opts())) {
        const global = spec.options.find((option) => option.key === key)?.global === true;
        (global ? globals : flags)[key] = value;
      }
      outcome = { kind: 'run', spec, operands: [...leaf.args], globals, flags };
    });
    groupOf(command.words.slice(0, -1)).addCommand(leaf);
  }

  try {
    await root.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof HelpShown) return { kind: 'exit', code: 0 };
    throw error;
  }
  if (!outcome) throw new Error('the command line parser chose no command');
  return outcome;
}
