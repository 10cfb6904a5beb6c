import type { z } from 'zod';
import { claimAcceptedSchema, claimStatusResponseSchema, type ClaimAccepted, type ClaimStatusResponse, type ClaimUpload } from '../../../shared/protocol/claims';
import { CENTRAL_ENDPOINTS } from '../../../shared/protocol/endpoints';
import { CentralUnreachable, fetchChecked, tlsInit, type CentralClientConfig } from '../central/client';

// The two claim calls of the central protocol. The typed client speaks JSON only; a claim goes
// as multipart/form-data (FormData and Blob are built into Node 20's fetch): the JSON part
// `claim` and one file part per attachment, named by the attachment's id. Same errors as the
// client: CentralUnreachable when the server cannot be reached, CentralError for its answers.

export interface UploadFile { id: string; fileName: string; mimeType: string; bytes: Buffer }

function send<S extends z.ZodType>(url: URL, init: RequestInit, schema: S, timeoutMs: number): Promise<z.output<S>> {
  return fetchChecked(url, init, schema, timeoutMs, 'answer does not fit the claims protocol');
}

function target(config: CentralClientConfig, path: string): URL {
  if (!config.url) throw new CentralUnreachable('central server address is not set');
  return new URL(path.replace(/^\//, ''), config.url.endsWith('/') ? config.url : `${config.url}/`);
}

/** POST /v1/claims: the claim and its files. Safe to repeat: central answers the same claim number. */
export function uploadClaim(config: CentralClientConfig, claim: ClaimUpload, files: UploadFile[]): Promise<ClaimAccepted> {
  const ep = CENTRAL_ENDPOINTS.claimSubmit;
  const form = new FormData();
  form.append(ep.multipart.jsonPart, new Blob([JSON.stringify(claim)], { type: 'application/json' }), 'claim.json');
  for (const f of files) form.append(f.id, new Blob([new Uint8Array(f.bytes)], { type: f.mimeType }), f.fileName);
  return send(target(config, ep.path), tlsInit(config.url, config.tls, {
    method: ep.method, body: form, headers: { accept: 'application/json', authorization: `Bearer ${config.token}` },
  }), claimAcceptedSchema, config.timeoutMs ?? 60_000);
}

/** GET /v1/claims/{claimId}. */
export function fetchClaimStatus(config: CentralClientConfig, claimId: string): Promise<ClaimStatusResponse> {
  const ep = CENTRAL_ENDPOINTS.claimStatus;
  return send(target(config, ep.path.replace('{claimId}', encodeURIComponent(claimId))), tlsInit(config.url, config.tls, {
    method: ep.method, headers: { accept: 'application/json', authorization: `Bearer ${config.token}` },
  }), claimStatusResponseSchema, config.timeoutMs ?? 15_000);
}
