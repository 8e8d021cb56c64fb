import { Duration } from 'aws-cdk-lib';
import { type HealthCheck } from 'aws-cdk-lib/aws-ecs';

/**
 * Names under which the roles report their gRPC health in go.temporal.io/server v1.29.1: frontend/interface.go
 * (WorkflowServiceName), history/handler.go and matching/handler.go (`serviceName`; both under workflowservice, a
 * historical quirk: the grpc service names would not match). The worker role registers no health service.
 */
export const GRPC_HEALTH_SERVICES = {
  frontend: 'temporal.api.workflowservice.v1.WorkflowService',
  history: 'temporal.api.workflowservice.v1.HistoryService',
  matching: 'temporal.api.workflowservice.v1.MatchingService',
} as const;

export interface RoleEndpoint {
  readonly role: 'frontend' | 'history' | 'matching' | 'worker';
  readonly grpcPort: number;
  readonly membershipPort: number;
}

/** One gRPC message frame (uncompressed) holding HealthCheckRequest{service}, as bash printf escapes. */
export function healthRequestFrame(service: string): string {
  const message = Buffer.concat([Buffer.from([0x0a, service.length]), Buffer.from(service, 'ascii')]);
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return [...Buffer.concat([header, message])].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
}

/** The frame a SERVING answer carries: HealthCheckResponse{status: SERVING (1)}, hex as `od -An -tx1` prints it. */
export const SERVING_FRAME_HEX = '00000000020801';

/**
 * The container health check of a Temporal server role, built only from what temporalio/server:1.29.1 ships (bash,
 * curl with HTTP/2, getent, base64, od; docker-builds server.Dockerfile over base-server: alpine + bash + curl).
 * Frontend, history and matching: a gRPC `grpc.health.v1.Health/Check` of the role's own service over mutual TLS
 * (the server certificate from the task's secrets doubles as the client certificate, as for internode calls), on
 * the address the role binds (the entrypoint's BIND_ON_IP: the task hostname's address); healthy only when the
 * answer is SERVING. The worker role registers no gRPC health service: its check is that its membership port
 * accepts connections.
 */
export function serverHealthCheck(endpoint: RoleEndpoint): HealthCheck {
  const ip = `ip=$(getent hosts "$(hostname)" | awk '{print $1; exit}')`;
  const script =
    endpoint.role === 'worker'
      ? ['set -eu', ip, `exec 3<>"/dev/tcp/$ip/${endpoint.membershipPort}"`].join('\n')
      : [
          'set -euo pipefail',
          ip,
          'd=$(mktemp -d)',
          `trap 'rm -rf "$d"' EXIT`,
          'printf %s "$TEMPORAL_TLS_SERVER_CA_CERT_DATA" | base64 -d > "$d/ca"',
          'printf %s "$TEMPORAL_TLS_SERVER_CERT_DATA" | base64 -d > "$d/cert"',
          'printf %s "$TEMPORAL_TLS_SERVER_KEY_DATA" | base64 -d > "$d/key"',
          // The name the role's certificate is checked against: the frontend's for the frontend, internode otherwise.
          `name=${endpoint.role === 'frontend' ? '$TEMPORAL_TLS_FRONTEND_SERVER_NAME' : '$TEMPORAL_TLS_INTERNODE_SERVER_NAME'}`,
          `printf '${healthRequestFrame(GRPC_HEALTH_SERVICES[endpoint.role])}' > "$d/req"`,
          `curl -sS --max-time 4 --http2 --cacert "$d/ca" --cert "$d/cert" --key "$d/key" --resolve "$name:${endpoint.grpcPort}:$ip" -H 'content-type: application/grpc' -H 'te: trailers' --data-binary @"$d/req" -o "$d/out" "https://$name:${endpoint.grpcPort}/grpc.health.v1.Health/Check"`,
          `answer=$(od -An -tx1 "$d/out" | tr -d ' \\n')`,
          `[ "$answer" = ${SERVING_FRAME_HEX} ] || { echo "${endpoint.role} not SERVING: answer $answer"; exit 1; }`,
        ].join('\n');
  return {
    command: ['CMD', 'bash', '-c', script],
    interval: Duration.seconds(30),
    timeout: Duration.seconds(10),
    retries: 3,
    // History becomes SERVING once it owns its shards; a first start also waits for membership.
    startPeriod: Duration.seconds(180),
  };
}
