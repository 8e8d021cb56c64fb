import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface IssuedCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

export interface ClusterCertificates {
  readonly caPem: string;
  readonly server: IssuedCertificate;
  /** One per client name (services, the Web UI, admin tasks). */
  readonly clients: Readonly<Record<string, IssuedCertificate>>;
}

/**
 * Issues the cluster's certificates the way docs/platform-engineers.md tells engineers to (one private CA, one
 * server certificate for the frontend and internode names, client certificates with clientAuth), with openssl.
 */
export function issueClusterCertificates(
  dir: string,
  dnsNamespace: string,
  clientNames: readonly string[],
): ClusterCertificates {
  fs.mkdirSync(dir, { recursive: true });
  const at = (file: string) => path.join(dir, file);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  return issueAll();

  function issueAll(): ClusterCertificates {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-sha256',
      '-days',
      '2',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-subj',
      '/CN=Saring rehearsal Temporal CA',
    );
    const issue = (name: string, subject: string, extensions: string): IssuedCertificate => {
      openssl(
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        subject,
      );
      fs.writeFileSync(at(`${name}.ext`), extensions);
      openssl(
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '2',
        '-sha256',
        '-out',
        `${name}.pem`,
        '-extfile',
        `${name}.ext`,
      );
      return {
        certPem: fs.readFileSync(at(`${name}.pem`), 'utf8'),
        keyPem: fs.readFileSync(at(`${name}.key`), 'utf8'),
      };
    };
    const server = issue(
      'server',
      `/CN=frontend.${dnsNamespace}`,
      `subjectAltName=DNS:frontend.${dnsNamespace},DNS:internode.${dnsNamespace}\nextendedKeyUsage=serverAuth,clientAuth\n`,
    );
    const clients = Object.fromEntries(
      clientNames.map((client) => [
        client,
        issue(`client-${client}`, `/CN=${client}`, 'extendedKeyUsage=clientAuth\n'),
      ]),
    );
    return { caPem: fs.readFileSync(at('ca.pem'), 'utf8'), server, clients };
  }
}
