import { z } from 'zod';
import type { Lang } from '../dates';
import occupationData from '../../resources/occupations.json' with { type: 'json' };

// The occupation pick-list (DOMAIN.md §5), grouped by field. Each item's `transport` flag
// decides which PP 50/2025 window applies, so the flag travels with the code, not the label.

const label = z.string().min(1);
const itemSchema = z.object({
  code: z.string().regex(/^[A-Z]{3}\d{2}$/),
  id: label,
  en: label,
  transport: z.boolean(),
});
const groupSchema = z.object({
  code: z.string().regex(/^[A-Z]{3}$/),
  id: label,
  en: label,
  items: z.array(itemSchema).min(1),
}).refine((g) => g.items.every((i) => i.code.startsWith(g.code)), { message: 'item code must start with its group code' });

export const occupationListSchema = z.object({
  note: z.string().optional(),
  groups: z.array(groupSchema).min(1),
}).refine((l) => {
  const codes = l.groups.flatMap((g) => g.items.map((i) => i.code));
  return new Set(codes).size === codes.length;
}, { message: 'occupation codes must be unique' });

export type OccupationGroup = z.infer<typeof groupSchema>;
export type Occupation = z.infer<typeof itemSchema>;

export interface Occupations {
  groups: OccupationGroup[];
  occupation(code: string): (Occupation & { group: string }) | undefined;
  isTransport(code: string): boolean;
  label(code: string, lang: Lang): string | undefined;
}

export function createOccupations(input: unknown): Occupations {
  const { groups } = occupationListSchema.parse(input);
  const byCode = new Map<string, Occupation & { group: string }>();
  for (const g of groups) for (const i of g.items) byCode.set(i.code, { ...i, group: g.code });
  return {
    groups,
    occupation: (code) => byCode.get(code),
    isTransport: (code) => byCode.get(code)?.transport ?? false,
    label: (code, lang) => byCode.get(code)?.[lang],
  };
}

export const occupations: Occupations = createOccupations(occupationData);

export const occupationGroups = (): OccupationGroup[] => occupations.groups;
export const occupation = (code: string) => occupations.occupation(code);
export const isTransportOccupation = (code: string): boolean => occupations.isTransport(code);
export const occupationCodeSchema = z.string().refine((c) => occupations.occupation(c) !== undefined, { error: 'err.occupation.unknown' });
