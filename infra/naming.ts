import { type EnvironmentConfig } from './config/schema';

/**
 * Physical names derived from config alone, so stacks can refer to each other's resources without
 * cross-stack exports and policies carry readable, literal ARNs.
 */
export const names = {
  bucket: (config: EnvironmentConfig, purpose: 'evidence' | 'audit' | 'access-logs' | 'vault'): string =>
    `saring-${config.name}-${purpose}-${config.account}-${config.region}`,
  cluster: (config: EnvironmentConfig, concern: 'temporal' | 'workers' | 'api'): string =>
    `saring-${config.name}-${concern}`,
  /** The API task's role: the vault key's policy names it as the key's only user. */
  apiTaskRole: (config: EnvironmentConfig): string => `saring-${config.name}-api-task`,
};
