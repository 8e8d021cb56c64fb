import { type Estate } from './estate';
import { type RehearsedContainer } from './task-definitions';

/** The variables each kind of Temporal client reads its certificate from (SDK clients vs the temporal CLI). */
const CERT_VARIABLES = ['TEMPORAL_TLS_CLIENT_CERT_DATA', 'TEMPORAL_TLS_CERT_DATA'];

/**
 * Defect 7 of issue 11: the worker, the API and the admin tasks must each present their own client certificate
 * (a secret of their own), so one leaked key concerns one service. Throws when two of them read the same one.
 */
export function checkOwnClientCertificates(estate: Estate): string {
  const clients: [string, RehearsedContainer][] = [
    ['worker', estate.worker],
    ['API', estate.api],
    ['admin tasks', estate.schemaTask],
  ];
  const sources = clients.map(([who, container]) => {
    const variable = CERT_VARIABLES.find((name) => container.secrets[name]);
    const source = variable ? container.secrets[variable] : undefined;
    if (!source)
      throw new Error(`The ${who} reads no Temporal client certificate (${CERT_VARIABLES.join(' or ')})`);
    return { who, secret: `${source.secretName}:${source.field}` };
  });
  for (const [index, { who, secret }] of sources.entries()) {
    const other = sources.slice(index + 1).find((candidate) => candidate.secret === secret);
    if (other) {
      throw new Error(
        `The ${who} and the ${other.who} present the same Temporal client certificate (${secret})`,
      );
    }
  }
  return sources.map(({ who, secret }) => `${who}: ${secret}`).join('; ');
}
