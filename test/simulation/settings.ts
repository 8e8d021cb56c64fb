/**
 * How many scripts, which seeds and how many at once, from the environment:
 * - SARING_SIM_SEED=<n>: that one script alone (replaying a failure);
 * - SARING_SIM_SCRIPTS (default 300) scripts from SARING_SIM_FIRST_SEED (default 1);
 * - SARING_SIM_LANES (default 3): time-skipping servers, each running one script at a time.
 */
export interface SimulationSettings {
  seeds: number[];
  lanes: number;
  timeoutMs: number;
}

export function simulationSettings(
  env: NodeJS.ProcessEnv = process.env,
  defaults = { scripts: 300 },
): SimulationSettings {
  const number = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number, not ${JSON.stringify(raw)}`);
    return value;
  };
  const one = env.SARING_SIM_SEED;
  const first = number('SARING_SIM_FIRST_SEED', 1);
  const seeds =
    one !== undefined && one !== ''
      ? [number('SARING_SIM_SEED', 1)]
      : Array.from({ length: number('SARING_SIM_SCRIPTS', defaults.scripts) }, (_, index) => first + index);
  return {
    seeds,
    lanes: Math.max(1, Math.min(seeds.length, number('SARING_SIM_LANES', 3))),
    timeoutMs: Math.max(300_000, seeds.length * 5_000),
  };
}
