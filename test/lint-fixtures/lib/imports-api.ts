// Fixture: lib/ importing an app folder other than domain/ must fail lint (import-x/no-restricted-paths).
import { COMMAND_ERROR_STATUS } from '../../../api/case-errors';

export const statuses = COMMAND_ERROR_STATUS;
