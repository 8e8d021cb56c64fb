/**
 * The part of the completion scripts both shells share: the completion table as shell `case` lookups,
 * and the walk over the words typed so far. Plain POSIX-style functions that bash and zsh both run.
 */
import type { PathEntry } from './completion-table';

/** A single-quoted shell word. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function lookup(name: string, comment: string, key: string, rows: [string, readonly string[]][]): string {
  const arms = rows
    .filter(([, words]) => words.length > 0)
    .map(([pattern, words]) => `    ${pattern}) echo ${quote(words.join(' '))} ;;`);
  return [`# ${comment}`, `${name}() {`, `  case ${key} in`, ...arms, '  esac', '}'].join('\n');
}

export function shellFunctions(table: readonly PathEntry[]): string {
  return [
    lookup(
      '_saring_subcommands',
      '$1: a command path ("" or "case"): the command words that may follow it.',
      '"$1"',
      table.map((entry) => [quote(entry.path), entry.subcommands]),
    ),
    lookup(
      '_saring_options',
      '$1: a command path: its options.',
      '"$1"',
      table.map((entry) => [quote(entry.path), entry.options]),
    ),
    lookup(
      '_saring_value_options',
      '$1: a command path: its options that take a value.',
      '"$1"',
      table.map((entry) => [quote(entry.path), entry.valueOptions.map((option) => option.flag)]),
    ),
    lookup(
      '_saring_option_values',
      '$1: a command path, $2: an option: the values it takes, when they are a fixed set.',
      '"$1|$2"',
      table.flatMap((entry) =>
        entry.valueOptions.map((option): [string, readonly string[]] => [
          quote(`${entry.path}|${option.flag}`),
          option.values,
        ]),
      ),
    ),
    lookup(
      '_saring_arg_values',
      '$1: a command path, $2: an argument position (1-based): the values it takes, when they are a fixed set.',
      '"$1|$2"',
      table.flatMap((entry) => [
        ...entry.args.map((arg): [string, readonly string[]] => [
          quote(`${entry.path}|${arg.position}`),
          arg.values,
        ]),
        [`${quote(`${entry.path}|`)}*`, entry.rest] as [string, readonly string[]],
      ]),
    ),
    `# $1: a list of words, $2: a word: is it in the list?
_saring_has() {
  case " $1 " in *" $2 "*) return 0 ;; esac
  return 1
}

# The words after "saring" and before the cursor: sets _saring_path (the command words), _saring_nargs
# (arguments so far) and _saring_value_of (the option whose value is under the cursor, if any).
_saring_walk() {
  _saring_path='' _saring_nargs=0 _saring_value_of=''
  while [ $# -gt 0 ]; do
    case "$1" in
      -*)
        if _saring_has "$(_saring_value_options "$_saring_path")" "$1"; then
          if [ $# -eq 1 ]; then
            _saring_value_of="$1"
            return
          fi
          shift
        fi
        ;;
      *)
        if [ "$_saring_nargs" -eq 0 ] && _saring_has "$(_saring_subcommands "$_saring_path")" "$1"; then
          _saring_path="\${_saring_path:+$_saring_path }$1"
        else
          _saring_nargs=$((_saring_nargs + 1))
        fi
        ;;
    esac
    shift
  done
}

# $1: the word under the cursor (after _saring_walk): the words to offer.
_saring_candidates() {
  if [ -n "$_saring_value_of" ]; then
    _saring_option_values "$_saring_path" "$_saring_value_of"
  elif [ "\${1#-}" != "$1" ]; then
    _saring_options "$_saring_path"
  elif [ "$_saring_nargs" -eq 0 ] && [ -n "$(_saring_subcommands "$_saring_path")" ]; then
    _saring_subcommands "$_saring_path"
  else
    _saring_arg_values "$_saring_path" $((_saring_nargs + 1))
  fi
}`,
  ].join('\n\n');
}
