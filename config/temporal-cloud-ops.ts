import { z } from 'zod';

/**
 * The Temporal Cloud Operations API (Cloud Ops API) as the deploy-time search-attribute registration uses it: its
 * HTTP/JSON mapping (the `google.api.http` annotations of temporalio/api-cloud v0.4.0,
 * temporal/api/cloud/cloudservice/v1/service.proto), proto3 JSON field names. The registration task and the
 * rehearsal's stand-in both parse with these schemas.
 */
export const CLOUD_OPS_API_VERSION = 'v0.4.0';
export const CLOUD_OPS_API_VERSION_HEADER = 'temporal-cloud-api-version';
export const CLOUD_OPS_DEFAULT_URL = 'https://saas-api.tmprl.cloud';

/** Environment of the registration task (infra sets these; workers/register-cloud-search-attributes-main.ts reads them). */
export const CLOUD_OPS_ENV = {
  /** Base URL of the Cloud Ops API. */
  url: 'SARING_TEMPORAL_CLOUD_OPS_URL',
  /** The Temporal Cloud namespace id, <name>.<account>. */
  namespace: 'TEMPORAL_NAMESPACE',
  /** From Secrets Manager: an API key of a service account with Namespace Admin on that namespace only. */
  apiKey: 'SARING_TEMPORAL_CLOUD_OPS_API_KEY',
} as const;

/** NamespaceSpec.SearchAttributeType, as proto3 JSON spells enum values. */
export const CloudSearchAttributeType = z.enum([
  'SEARCH_ATTRIBUTE_TYPE_TEXT',
  'SEARCH_ATTRIBUTE_TYPE_KEYWORD',
  'SEARCH_ATTRIBUTE_TYPE_INT',
  'SEARCH_ATTRIBUTE_TYPE_DOUBLE',
  'SEARCH_ATTRIBUTE_TYPE_BOOL',
  'SEARCH_ATTRIBUTE_TYPE_DATETIME',
  'SEARCH_ATTRIBUTE_TYPE_KEYWORD_LIST',
]);
export type CloudSearchAttributeType = z.infer<typeof CloudSearchAttributeType>;

/**
 * The namespace spec: UpdateNamespace replaces the whole spec, so every other field is carried through unchanged
 * (loose), and only `searchAttributes` is read.
 */
export const CloudNamespaceSpec = z
  .object({ searchAttributes: z.record(z.string(), CloudSearchAttributeType).optional() })
  .loose();
export type CloudNamespaceSpec = z.infer<typeof CloudNamespaceSpec>;

/** GET /cloud/namespaces/{namespace} */
export const GetNamespaceResponse = z.object({
  namespace: z
    .object({
      namespace: z.string().min(1),
      resourceVersion: z.string().min(1),
      spec: CloudNamespaceSpec,
    })
    .loose(),
});

/** POST /cloud/namespaces/{namespace} (body: the whole request, the namespace repeated in it). */
export const UpdateNamespaceRequest = z.strictObject({
  namespace: z.string().min(1),
  spec: CloudNamespaceSpec,
  resourceVersion: z.string().min(1),
  asyncOperationId: z.string().min(1).optional(),
});
export type UpdateNamespaceRequest = z.infer<typeof UpdateNamespaceRequest>;

export const AsyncOperation = z
  .object({
    id: z.string().min(1),
    state: z.enum([
      'STATE_UNSPECIFIED',
      'STATE_PENDING',
      'STATE_IN_PROGRESS',
      'STATE_FAILED',
      'STATE_CANCELLED',
      'STATE_FULFILLED',
    ]),
    failureReason: z.string().optional(),
    /** google.protobuf.Duration in JSON, e.g. "5s": when to check the operation again. */
    checkDuration: z
      .string()
      .regex(/^\d+(\.\d+)?s$/)
      .optional(),
  })
  .loose();

/** POST /cloud/namespaces/{namespace} answer, and GET /cloud/operations/{id} answer. */
export const AsyncOperationResponse = z.object({ asyncOperation: AsyncOperation });
