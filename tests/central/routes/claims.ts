import { z } from 'zod';
import { attachmentProblem } from '../../../shared/domain/claims';
import { claimParamsSchema, claimStatusSchema, claimUploadSchema, type ClaimUpload } from '../../../shared/protocol/claims';
import { CENTRAL_ENDPOINTS as EP } from '../../../shared/protocol/endpoints';
import type { Device, Route, RouteRequest } from '../context';
import type { CentralCore } from '../core';
import { HttpError, validate } from '../http';
import type { ReceivedFile } from '../store/claims';

// POST /v1/claims (multipart/form-data), GET /v1/claims/{claimId}, and the admin move of a
// claim's status. Limits come from the endpoint table: a body or a file over its limit is 413.

export const adminClaimStatusSchema = z.object({
  claimId: z.string().min(1),
  status: claimStatusSchema,
  reason: z.string().max(500).optional(),
});

const device = (d: Device | null): Device => {
  if (!d) throw new HttpError('UNAUTHENTICATED');
  return d;
};

async function readMultipart(req: RouteRequest): Promise<{ claim: ClaimUpload; files: ReceivedFile[] }> {
  const m = EP.claimSubmit.multipart;
  if (!req.raw || !/^multipart\/form-data;/i.test(req.raw.contentType)) {
    throw new HttpError('INVALID_INPUT', { fields: [{ path: '', key: 'err.claims.multipart' }] });
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(req.raw.bytes), { headers: { 'content-type': req.raw.contentType } }).formData();
  } catch {
    throw new HttpError('INVALID_INPUT', { fields: [{ path: '', key: 'err.claims.multipart' }] });
  }
  const jsonPart = form.get(m.jsonPart);
  if (jsonPart === null) throw new HttpError('INVALID_INPUT', { fields: [{ path: m.jsonPart, key: 'err.required' }] });
  let json: unknown;
  try {
    json = JSON.parse(typeof jsonPart === 'string' ? jsonPart : await jsonPart.text());
  } catch {
    throw new HttpError('BAD_JSON');
  }
  const claim = validate(claimUploadSchema, json);
  const files: ReceivedFile[] = [];
  for (const [name, value] of form) {
    if (name === m.jsonPart) continue;
    if (typeof value === 'string') throw new HttpError('INVALID_INPUT', { fields: [{ path: name, key: 'err.claims.fileMissing' }] });
    if (value.size > m.maxFileBytes) throw new HttpError('PAYLOAD_TOO_LARGE', { maxBytes: m.maxFileBytes, part: name });
    files.push({ attachmentId: name, bytes: Buffer.from(await value.arrayBuffer()) });
  }
  if (files.length > m.maxFiles) throw new HttpError('INVALID_INPUT', { fields: [{ path: 'attachments', key: 'err.claims.tooManyFiles' }] });
  // Checked by content, not by the declared type alone.
  claim.attachments.forEach((a, i) => {
    const f = files.find((x) => x.attachmentId === a.id);
    const problem = f ? attachmentProblem(a.mimeType, f.bytes) : null;
    if (problem) throw new HttpError('INVALID_INPUT', { fields: [{ path: `attachments.${i}`, key: problem }] });
  });
  return { claim, files };
}

export function claimRoutes(core: CentralCore): Route[] {
  return [
    {
      method: EP.claimSubmit.method, path: EP.claimSubmit.path, auth: EP.claimSubmit.auth,
      multipart: { maxBodyBytes: EP.claimSubmit.multipart.maxBodyBytes },
      handle: async (req) => {
        const d = device(req.device);
        const { claim, files } = await readMultipart(req);
        return { body: core.claims.receive(d, claim, files) };
      },
    },
    {
      method: EP.claimStatus.method, path: EP.claimStatus.path, auth: EP.claimStatus.auth,
      handle: ({ params, device: d }) => ({ body: core.claims.status(device(d), validate(claimParamsSchema, params ?? {}).claimId) }),
    },
    {
      method: 'POST', path: '/admin/claims:status', auth: 'admin',
      handle: ({ body }) => ({ body: core.claims.setStatus(validate(adminClaimStatusSchema, body)) }),
    },
  ];
}
