/**
 * Until the returned function is called, Ctrl-C or a kill of the bench runs `stop` (say, the dev server,
 * the platform or a worker the bench started) and then exits 130: left alone, they stayed on their ports.
 */
export function stopOnSignal(
  what: string,
  stop: () => Promise<unknown>,
  say: (line: string) => void = console.log,
): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    say(`\n${signal}: stopping ${what}...`);
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
