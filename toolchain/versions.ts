/**
 * Every external server and tool Saring builds for itself, pinned. Bump a version here and the next
 * `npm run toolchain` builds it into a new cache folder; the old one stays until `.toolchain/` is removed.
 */
export const TOOLCHAIN_VERSIONS = {
  /** v1.6.0+ carry a `replace` directive in go.mod, so `go install` refuses them. */
  temporalCli: { module: 'github.com/temporalio/cli/cmd/temporal', version: 'v1.5.1' },
  /**
   * The self-hosted Temporal server and its SQL schema tool, for `npm run rehearse`. Must equal the
   * `serverVersion` the infra pins (infra/config/environments); test/rehearsal checks it.
   */
  temporalServer: { module: 'go.temporal.io/server', version: 'v1.29.1' },
  /** The config renderer the temporalio/server image runs at start (its base-server image builds this tag). */
  dockerize: { module: 'github.com/jwilder/dockerize', version: 'v0.9.2' },
  versitygw: { module: 'github.com/versity/versitygw/cmd/versitygw', version: 'v1.8.0' },
  /** Resolves image tags to digests for the pipeline (`npm run images:resolve`); the pipeline builds the same pin. */
  crane: { module: 'github.com/google/go-containerregistry/cmd/crane', version: 'v0.22.1' },
  /** Must match toolchain/java/pom.xml. */
  temporalTestServer: { artifact: 'io.temporal:temporal-test-server', version: '1.38.0' },
  /** Must match toolchain/python/requirements.txt. */
  pythonTools: { cfnLint: '1.58.0', checkov: '3.3.30' },
} as const;
