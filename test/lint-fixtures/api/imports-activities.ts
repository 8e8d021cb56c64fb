// Fixture: client-side code importing activities/ must fail lint (import-x/no-restricted-paths).
import { parseInput } from '../../../activities/input';

export const parse = parseInput;
