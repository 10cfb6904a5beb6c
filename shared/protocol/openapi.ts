import { z } from 'zod';
import { ledgerEntryRowSchema } from '../ledger/entry';
import {
  BODY_ENCODINGS, batchRequestSchema, batchResponseSchema, batchResultSchema, branchSchema, CENTRAL_ERROR_STATUS, closingRequestSchema,
  closingResponseSchema, contributionPayloadSchema, daySummaryEntrySchema, daySummaryResponseSchema, enrolRequestSchema,
  enrolResponseSchema, errorBodySchema, fieldIssueSchema, healthResponseSchema, MAX_BODY_BYTES, participantResponseSchema,
  periodSchema, registrationPayloadSchema, standingSchema, standingsResponseSchema, targetsResponseSchema,
  type CentralErrorCode,
} from './central';
import { claimAcceptedSchema, claimStatusResponseSchema, claimSubmittedPayloadSchema, claimUploadSchema } from './claims';
import { dayDigestResponseSchema, spanDigestSchema } from './day-digest';
import { CENTRAL_ENDPOINTS, COMMON_ERRORS, type CentralEndpoint } from './endpoints';

// Publishes the /v1 contract as an OpenAPI 3.1 document built from the very zod schemas the
// client and the server validate with (DESIGN.md §10), so the real central side can be built on
// whatever stack its operator runs. Pure: returns an object; scripts/openapi.ts writes the file.

type JsonSchema = Record<string, unknown>;

/** Schemas published under components/schemas, by name. Others are inlined. */
const NAMED_SCHEMAS: Record<string, z.ZodType> = {
  LedgerEntryRow: ledgerEntryRowSchema,
  Branch: branchSchema,
  Period: periodSchema,
  Standing: standingSchema,
  FieldIssue: fieldIssueSchema,
  ErrorBody: errorBodySchema,
  HealthResponse: healthResponseSchema,
  EnrolRequest: enrolRequestSchema,
  EnrolResponse: enrolResponseSchema,
  BatchRequest: batchRequestSchema,
  BatchResult: batchResultSchema,
  BatchResponse: batchResponseSchema,
  RegistrationPayload: registrationPayloadSchema,
  ContributionPayload: contributionPayloadSchema,
  ParticipantResponse: participantResponseSchema,
  DaySummaryEntry: daySummaryEntrySchema,
  DaySummaryResponse: daySummaryResponseSchema,
  SpanDigest: spanDigestSchema,
  DayDigestResponse: dayDigestResponseSchema,
  ClosingRequest: closingRequestSchema,
  ClosingResponse: closingResponseSchema,
  TargetsResponse: targetsResponseSchema,
  StandingsResponse: standingsResponseSchema,
  ClaimUpload: claimUploadSchema,
  ClaimAccepted: claimAcceptedSchema,
  ClaimStatusResponse: claimStatusResponseSchema,
  ClaimSubmittedPayload: claimSubmittedPayloadSchema,
};

const REF = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(): { schemas: Record<string, JsonSchema>; nameOf: Map<z.ZodType, string> } {
  const registry = z.registry<{ id: string }>();
  const nameOf = new Map<z.ZodType, string>();
  for (const [name, schema] of Object.entries(NAMED_SCHEMAS)) {
    registry.add(schema, { id: name });
    nameOf.set(schema, name);
  }
  const out = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'input', unrepresentable: 'any' });
  const schemas: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(out.schemas)) {
    // Inside an OpenAPI document the component's place is its identity; drop the standalone markers.
    const { $schema: _s, $id: _i, ...rest } = schema as JsonSchema;
    schemas[name] = rest;
  }
  return { schemas, nameOf };
}

/** Query parameters from a query schema (an object, or a union of objects: each property optional then). */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const variants = (json.anyOf ?? json.oneOf ?? [json]) as JsonSchema[];
  const params = new Map<string, JsonSchema>();
  for (const variant of variants) {
    const props = (variant.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((variant.required ?? []) as string[]);
    for (const [name, prop] of Object.entries(props)) {
      if (params.has(name)) continue;
      params.set(name, { name, in: 'query', required: variants.length === 1 && required.has(name), schema: prop });
    }
  }
  return [...params.values()];
}

/** Path parameters (`{name}` in the path) from an object schema; all required. */
function pathParameters(schema: z.ZodType): JsonSchema[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, prop]) => ({ name, in: 'path', required: true, schema: prop }));
}

function errorResponses(codes: readonly CentralErrorCode[]): Record<string, JsonSchema> {
  const byStatus = new Map<number, CentralErrorCode[]>();
  for (const code of new Set([...codes, ...COMMON_ERRORS])) {
    const status = CENTRAL_ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, JsonSchema> = {};
  for (const [status, list] of [...byStatus.entries()].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: `Error: ${list.join(', ')}`,
      content: { 'application/json': { schema: REF('ErrorBody') } },
    };
  }
  return out;
}

function bodyRef(schema: z.ZodType, nameOf: Map<z.ZodType, string>): JsonSchema {
  const name = nameOf.get(schema);
  return name ? REF(name) : (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}

function operation(name: string, ep: CentralEndpoint, nameOf: Map<z.ZodType, string>): JsonSchema {
  const op: JsonSchema = { operationId: name, summary: ep.summary };
  if (ep.auth === 'device') op.security = [{ deviceToken: [] }];
  if (ep.query) op.parameters = queryParameters(ep.query);
  if (ep.params) op.parameters = pathParameters(ep.params);
  if (ep.body && ep.multipart) {
    const m = ep.multipart;
    op.requestBody = {
      required: true,
      description: `multipart/form-data, at most ${m.maxBodyBytes} bytes: the JSON part \`${m.jsonPart}\` and up to ${m.maxFiles} file parts `
        + `(each at most ${m.maxFileBytes} bytes), each named by its attachment id.`,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', required: [m.jsonPart], properties: { [m.jsonPart]: bodyRef(ep.body, nameOf) }, additionalProperties: { type: 'string', contentMediaType: 'application/octet-stream' } },
          encoding: { [m.jsonPart]: { contentType: 'application/json' } },
        },
      },
    };
  } else if (ep.body) {
    op.requestBody = {
      required: true,
      description: `JSON, at most ${MAX_BODY_BYTES} bytes, plain or with Content-Encoding ${BODY_ENCODINGS.join(' or ')} (the limit holds for the decompressed body too; another encoding is 415 UNSUPPORTED_ENCODING).`,
      content: { 'application/json': { schema: bodyRef(ep.body, nameOf) } },
    };
  }
  op.responses = {
    '200': { description: 'OK', content: { 'application/json': { schema: bodyRef(ep.response, nameOf) } } },
    ...errorResponses(ep.errors),
  };
  return op;
}

/** The OpenAPI 3.1 document of the central protocol /v1. */
export function buildCentralOpenApi(): JsonSchema {
  const { schemas, nameOf } = componentSchemas();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [name, ep] of Object.entries(CENTRAL_ENDPOINTS) as [string, CentralEndpoint][]) {
    paths[ep.path] ??= {};
    paths[ep.path][ep.method.toLowerCase()] = operation(name, ep, nameOf);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Loket central protocol',
      version: '1.0.0',
      description:
        'What a Loket counter PC sends to and asks of the central server (BPJS Ketenagakerjaan / Pos Indonesia). ' +
        'Ledger entries are hash-chained per counter: hash = SHA-256 (lowercase hex) of the RFC 8785 canonical JSON ' +
        'of the row without `hash`; prev_hash of the first entry is 64 zeros. Errors are { error: { code, message, details? } } ' +
        'with Indonesian messages. Answers of a kilobyte or more are compressed (br, else gzip) when the request\'s ' +
        'Accept-Encoding allows it; request bodies may be sent with Content-Encoding gzip or br.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: 'https://central.example/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: 'The token answered by POST /v1/devices:enrol.' },
      },
    },
  };
}
