import fc from 'fast-check';
import { COMMANDS, runCli } from '../../../cli/main';
import { startLocalHttpServer, type LocalHttpServer } from '../../support/servers/local-http-server';
import { FUZZ_RUNS, FUZZ_SEED, hostileString } from '../../support/fuzz/hostile-values';

/**
 * Every `saring` command gets FUZZ_RUNS generated bad argument lists: an unknown option somewhere among
 * hostile arguments, or positionals its zod schema refuses. Each must exit 2 with a message naming what
 * is wrong, and send nothing to the API (a local server counts what arrives).
 */
describe(`fuzz: every CLI command refuses ${FUZZ_RUNS} bad argument lists (seed ${FUZZ_SEED})`, () => {
  let api: LocalHttpServer;
  const counts: string[] = [];

  beforeAll(async () => {
    console.log(
      `fuzz seed ${FUZZ_SEED} (replay: FUZZ_SEED=${FUZZ_SEED} npx jest test/unit/cli/cli-args-fuzz)`,
    );
    api = await startLocalHttpServer((_url, _req, res) => res.writeHead(500).end());
  });
  afterAll(async () => {
    if (counts.length) console.log(`fuzz (CLI), seed ${FUZZ_SEED}:\n${counts.join('\n')}`);
    await api?.stop();
  });

  // Arguments as a shell passes them: no NUL byte; an argument starting with "-" is an option to commander.
  const argument = hostileString.map((text) => text.replace(/\0/g, '') || 'x');

  it.each(COMMANDS.map((command) => [command.words.join(' '), command] as const))(
    'saring %s',
    async (name, command) => {
      // Counted per command, so one command's failure does not show up again under every later one.
      api.hits.clear();
      const tuple = command.positionals;
      const plain = argument.filter((text) => !text.startsWith('-'));
      const unknownOption = fc
        .tuple(fc.array(plain, { maxLength: 4 }), fc.nat(), fc.nat({ max: 4 }))
        .map(([args, n, at]) => ({
          kind: 'unknown option' as const,
          argv: [...args.slice(0, at), `--x-fuzz-${n}`, ...args.slice(at)],
          names: `--x-fuzz-${n}`,
        }));
      // Hostile option-like arguments: the error names the first one, whichever that is.
      const dashed = fc
        .tuple(fc.array(argument, { maxLength: 3 }), argument)
        // `-h` and `--help` ask for help (exit 0), which is not a bad argument list (seed 781200028);
        // a lone `--` ends the options, as in every POSIX tool, so `saring me --` is good (seed 841457877).
        .filter(([, junk]) => junk !== 'h' && junk !== '-help' && junk !== '-')
        .map(([args, junk]) => ({ kind: 'dashed' as const, argv: [...args, `-${junk}`], names: '' }));
      const badPositionals = fc
        .array(plain, { maxLength: 4 })
        .filter((args) => !tuple.safeParse(args).success)
        .map((args) => ({ kind: 'positionals' as const, argv: args, names: '' }));
      let tried = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(unknownOption, dashed, badPositionals), async (input) => {
          const err: string[] = [];
          const code = await runCli(
            [...command.words, ...input.argv],
            { SARING_API_URL: api.url, SARING_TOKEN: 'fuzz-token' },
            { out: () => undefined, err: (text) => err.push(text) },
          );
          tried += 1;
          const message = err.join('\n');
          if (code === 2) refused += 1;
          if (code !== 2) throw new Error(`exit ${code} for ${JSON.stringify(input.argv)}: ${message}`);
          if (!message.startsWith('saring: ') || !message.includes('usage: saring'))
            throw new Error(`no usage error for ${JSON.stringify(input.argv)}: ${message}`);
          // What the officer typed is echoed: it must not carry terminal controls or bidi overrides.
          // eslint-disable-next-line no-control-regex -- finding control characters is the point
          if (/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u.test(message))
            throw new Error(
              `control characters echoed for ${JSON.stringify(input.argv)}: ${JSON.stringify(message)}`,
            );
          if (input.names && !message.includes(input.names))
            throw new Error(`the error does not name ${input.names}: ${message}`);
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
      );
      counts.push(
        `  saring ${name.padEnd(24)} tried ${tried}  refused ${refused}  accepted ${tried - refused}`,
      );
      expect(tried - refused).toBe(0);
      expect([...api.hits.values()].reduce((sum, n) => sum + n, 0)).toBe(0);
    },
  );
});
