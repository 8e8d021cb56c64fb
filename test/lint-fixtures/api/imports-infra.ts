// Fixture: app code importing infra/ must fail lint (import-x/no-restricted-paths).
import { ENTRYPOINTS } from '../../../infra/image';

export const entry = ENTRYPOINTS.worker;
