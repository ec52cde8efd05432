import { z } from 'zod';

export const roleSchema = z.enum(['burgemeester', 'loco-burgemeester', 'adviseur', 'coordinator-buurtbemiddeling', 'stuurgroep', 'beheerder']);
export type Role = z.infer<typeof roleSchema>;

const isoDate = z.iso.date().or(z.date().transform((d) => d.toISOString().slice(0, 10)));

export const personSchema = z.object({
  aadObjectId: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(roleSchema).min(1),
  /** Limits the person to some of the tenant's gemeenten; all of them when left out. */
  gemeenten: z.array(z.string().min(1)).optional(),
  /** Acts in another role's place within a period (the loco-burgemeester). */
  delegateFor: z.object({ role: roleSchema, from: isoDate, until: isoDate }).optional(),
});

export const organisationSchema = z.object({
  tenants: z
    .array(
      z.object({
        tenantId: z.string().min(1),
        name: z.string().min(1),
        gemeenten: z.array(z.string().min(1)).min(1),
        people: z.array(personSchema),
      }),
    )
    .min(1),
});

export type Person = z.infer<typeof personSchema>;
export type OrganisationData = z.infer<typeof organisationSchema>;
