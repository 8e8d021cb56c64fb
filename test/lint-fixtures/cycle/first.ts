// Fixture: first.ts and second.ts import each other, which must fail lint (import-x/no-cycle).
import { second } from './second';

export const first = (): string => `first then ${second()}`;
