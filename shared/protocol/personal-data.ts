import { z } from 'zod';
import { PROGRAMS } from '../ledger/entry';

// Personal data out of the chain (issue 16, DESIGN.md §11, UU 27/2022). A registration or a
// correction entry carries only a commitment to the participant's personal data: HMAC-SHA-256 of
// the data's RFC 8785 canonical JSON under a random per-version salt. The data and its salt live
// in a mutable table (`personal_data`) and travel to central beside their entry, in the same
// batch. Erasing both (crypto-shredding) leaves a commitment that proves nothing and a chain that
// still verifies. Self-contained on purpose: central.ts imports from here, not the other way.

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/);
const optText = (max: number) => z.string().max(max).nullable();

/** Version of the entry format for entries that commit to personal data (v1 carried it in clear). */
export const PERSONAL_ENTRY_VERSION = 2;

/**
 * Everything that identifies the worker. Every field is present (null when unknown) so that the
 * canonical JSON, and thus the commitment, does not depend on how a caller spelt "absent".
 */
export const personalDataSchema = z.object({
  nik: z.string().regex(/^\d{16}$/),
  name: z.string().trim().min(1).max(200),
  birthDate: isoDate,
  birthPlace: optText(200),
  sex: optText(16),
  phone: optText(32),
  address: optText(1000),
  motherName: optText(200),
  /** Kemendagri village code: with the birth date it narrows a person down, so it stays here too. */
  regionCode: optText(32),
}).strict();
export type PersonalData = z.infer<typeof personalDataSchema>;
export const PERSONAL_FIELDS = Object.keys(personalDataSchema.shape) as (keyof PersonalData)[];

/** The fields a teller may correct with the worker present (the NIK is the identity: never). */
export const CORRECTABLE_FIELDS = ['name', 'birthDate', 'birthPlace', 'phone', 'address', 'motherName'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** What an entry says about the data it commits to. */
export const commitmentSchema = z.object({
  /** `HMAC-SHA-256(salt, JCS(data))`, lowercase hex. */
  commitment: hex64,
  /** 1 for the data given at registration, +1 for each correction. */
  version: z.number().int().min(1).max(100_000),
}).strict();

/** The part of a participant the chain keeps in clear: what the rates and programs depend on. */
const participantFacts = z.looseObject({
  id: z.string().min(1).max(64),
  occupationCode: z.string().max(64).nullish(),
  transport: z.boolean().nullish(),
  incomeBand: z.union([z.number().int(), z.string().max(32)]).nullish(),
  programs: z.array(z.enum(PROGRAMS)).min(1).max(3),
});

/** REGISTRATION payload, version 2. */
export const registrationPayloadV2Schema = z.object({
  v: z.literal(PERSONAL_ENTRY_VERSION),
  participant: participantFacts,
  personal: commitmentSchema,
});
export type RegistrationPayloadV2 = z.infer<typeof registrationPayloadV2Schema>;

/** PARTICIPANT_CORRECTION payload: a new version of the data, who approved it and why. */
export const correctionPayloadSchema = z.object({
  v: z.literal(PERSONAL_ENTRY_VERSION),
  participantId: z.string().min(1).max(64),
  personal: commitmentSchema,
  /** Names of the fields changed (no values: those are personal data). */
  fields: z.array(z.enum(CORRECTABLE_FIELDS)).min(1).max(CORRECTABLE_FIELDS.length),
  reason: z.string().trim().min(3).max(500),
  approvedBy: z.object({ id: z.string().max(64), username: z.string().max(64) }),
});
export type CorrectionPayload = z.infer<typeof correctionPayloadSchema>;

/** PARTICIPANT_ERASURE payload: the order that erased every version of the data. */
export const erasurePayloadSchema = z.object({
  v: z.literal(PERSONAL_ENTRY_VERSION),
  participantId: z.string().min(1).max(64),
  /** BPJS's order reference, as written on it. */
  order: z.string().trim().min(3).max(200),
  approvedBy: z.object({ id: z.string().max(64), username: z.string().max(64) }),
});
export type ErasurePayload = z.infer<typeof erasurePayloadSchema>;

/**
 * In a derived-chain batch, an entry sent with its personal record may leave its commitment empty
 * (this text in its payload): central computes it from the record, as it computes the hashes, and
 * the batch's lastHash answers for the result.
 */
export const EMPTY_COMMITMENT = '"commitment":""';

/** One entry's personal data as a batch carries it (`personal` beside `entries`). */
export const personalRecordSchema = z.object({
  entryId: ulid,
  /** 16 random bytes, hex: enough that nobody can try every likely NIK and name against a commitment. */
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  data: personalDataSchema,
}).strict();
export type PersonalRecord = z.infer<typeof personalRecordSchema>;
