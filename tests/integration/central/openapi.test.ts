import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CENTRAL_ERROR_CODES } from '../../../shared/protocol/central';
import { CENTRAL_ENDPOINTS } from '../../../shared/protocol/endpoints';
import { buildCentralOpenApi } from '../../../shared/protocol/openapi';

// The published contract: every /v1 endpoint is in the OpenAPI document, its schemas resolve,
// and docs/central-openapi.json is the document the code builds today (run `npm run openapi`).

const doc = buildCentralOpenApi() as {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown; parameters?: { name: string }[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

describe('central OpenAPI document', () => {
  it('is OpenAPI 3.1 with every endpoint, its method, auth and a 200 answer', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const ep of Object.values(CENTRAL_ENDPOINTS)) {
      const op = doc.paths[ep.path]?.[ep.method.toLowerCase()];
      expect(op, ep.path).toBeDefined();
      expect(op.responses['200']).toBeDefined();
      expect(Boolean(op.security), ep.path).toBe(ep.auth === 'device');
    }
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/v1/claims', '/v1/claims/{claimId}', '/v1/closings', '/v1/day-digest', '/v1/day-summary', '/v1/devices:enrol', '/v1/health', '/v1/participants', '/v1/standings', '/v1/targets', '/v1/transactions:batch'],
    );
    expect(doc.paths['/v1/day-summary'].get.parameters?.map((p) => p.name)).toEqual(['counterId', 'businessDate', 'cursor', 'limit', 'fromSeq', 'toSeq']);
    expect(doc.paths['/v1/day-digest'].get.parameters?.map((p) => p.name)).toEqual(['counterId', 'businessDate', 'fromSeq', 'toSeq', 'parts', 'knownDigest']);
  });

  it('has components, and every $ref points at one of them', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['LedgerEntryRow', 'BatchRequest', 'ErrorBody', 'StandingsResponse']));
    expect(doc.components.securitySchemes.deviceToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const text = JSON.stringify(doc);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
    const errorBody = doc.components.schemas.ErrorBody as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(errorBody.properties.error.properties.code.enum).toEqual([...CENTRAL_ERROR_CODES]);
  });

  it('matches docs/central-openapi.json (regenerate with `npm run openapi`)', () => {
    const file = fileURLToPath(new URL('../../../docs/central-openapi.json', import.meta.url));
    const published: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
