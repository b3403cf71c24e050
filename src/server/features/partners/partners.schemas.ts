import { z } from 'zod';
import { PARTNER_KINDS, PARTNER_LIMITS } from '../../../shared/partners';
import { emailSchema, multiLineTextSchema, schoolDateSchema, schoolParamsSchema, singleLineTextSchema } from '../../http/common.schemas';

// The contract of the partners register (issue 16): what the routes accept and answer. Types are exported for the web
// app. Reading needs `school.partners`, changing `school.partners.manage`.
//   GET    /api/schools/:schoolId/partners                                                   → partnersRegisterSchema
//   GET    /api/schools/:schoolId/partners/directory                                         → partnerDirectorySchema (names and fixed contacts: care pages)
//   GET    /api/schools/:schoolId/partners/evidence                                          → partnersEvidenceSchema (counts: the self-scan)
//   POST   /api/schools/:schoolId/partners/organisations                                     → 201 partnerOrganisationSchema
//   PUT    /api/schools/:schoolId/partners/organisations/:organisationId                     → partnerOrganisationSchema
//   PUT    /api/schools/:schoolId/partners/organisations/:organisationId/archived            → partnerOrganisationSchema (archive, undo)
//   POST   /api/schools/:schoolId/partners/organisations/:organisationId/contacts            → 201 partnerContactSchema
//   PUT    /api/schools/:schoolId/partners/organisations/:organisationId/contacts/:contactId → partnerContactSchema
//   DELETE /api/schools/:schoolId/partners/organisations/:organisationId/contacts/:contactId → 204
//   POST   /api/schools/:schoolId/partners/organisations/:organisationId/agreements          → 201 partnerAgreementSchema
//   PUT    …/agreements/:agreementId                                                         → partnerAgreementSchema
//   DELETE …/agreements/:agreementId                                                         → 204

export const organisationParamsSchema = schoolParamsSchema.extend({ organisationId: z.uuid() });
export const contactParamsSchema = organisationParamsSchema.extend({ contactId: z.uuid() });
export const agreementParamsSchema = organisationParamsSchema.extend({ agreementId: z.uuid() });

// ---------- bodies ----------

export const organisationBodySchema = z.strictObject({
  name: singleLineTextSchema.min(1).max(PARTNER_LIMITS.organisationName),
  kind: z.enum(PARTNER_KINDS),
  /** Whether the school counts it among its key partners (evidence for the self-scan). */
  isKeyPartner: z.boolean().default(false),
  /** Notes about the organisation: paragraphs allowed; stored encrypted. */
  notes: multiLineTextSchema.pipe(z.string().max(PARTNER_LIMITS.notes)).default(''),
});
export type OrganisationBody = z.input<typeof organisationBodySchema>;
/** An organisation's fields once validated (defaults filled in). */
export type OrganisationFields = z.output<typeof organisationBodySchema>;

export const archivedBodySchema = z.strictObject({
  /** true takes the organisation out of the register; false brings it back (the undo). */
  archived: z.boolean(),
});
export type ArchivedBody = z.input<typeof archivedBodySchema>;

export const contactBodySchema = z.strictObject({
  name: singleLineTextSchema.min(1).max(PARTNER_LIMITS.contactName),
  /** Their role or function at the organisation, e.g. "jeugdconsulent" (may be empty). */
  role: singleLineTextSchema.max(PARTNER_LIMITS.contactRole).default(''),
  email: emailSchema.nullable().default(null),
  /** Digits, spaces and + - ( ) . / only. */
  phone: singleLineTextSchema
    .min(1)
    .max(PARTNER_LIMITS.phone)
    .regex(/^[0-9+()./ -]+$/, 'digits, spaces and + - ( ) . / only')
    .nullable()
    .default(null),
  /** The school's fixed contact person at the organisation. */
  isFixedContact: z.boolean().default(false),
});
export type ContactBody = z.input<typeof contactBodySchema>;
/** A contact person's fields once validated (defaults filled in). */
export type ContactFields = z.output<typeof contactBodySchema>;

export const agreementBodySchema = z.strictObject({
  title: singleLineTextSchema.min(1).max(PARTNER_LIMITS.agreementTitle),
  agreedOn: schoolDateSchema,
  /** When to look at the agreement again; not before the day it was agreed. */
  reviewOn: schoolDateSchema.nullable().default(null),
  /** What was agreed: paragraphs allowed; stored encrypted. */
  text: multiLineTextSchema.pipe(z.string().max(PARTNER_LIMITS.agreementText)).default(''),
});
export type AgreementBody = z.input<typeof agreementBodySchema>;
/** An agreement's fields once validated (defaults filled in). */
export type AgreementFields = z.output<typeof agreementBodySchema>;

// ---------- answers ----------

export const partnerContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isFixedContact: z.boolean(),
});
export type PartnerContact = z.infer<typeof partnerContactSchema>;

export const partnerAgreementSchema = z.object({
  id: z.string(),
  title: z.string(),
  agreedOn: z.string(),
  reviewOn: z.string().nullable(),
  /** The review date has come. */
  isReviewDue: z.boolean(),
  text: z.string(),
});
export type PartnerAgreement = z.infer<typeof partnerAgreementSchema>;

/** A one-day TSO training for partners (kind `partner_day` in the training register) the organisation took part in. */
export const partnerTrainingSchema = z.object({
  trainingId: z.string(),
  title: z.string().nullable(),
  heldOn: z.string(),
  /** The date is still to come. */
  isPlanned: z.boolean(),
});
export type PartnerTraining = z.infer<typeof partnerTrainingSchema>;

export const partnerOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  isKeyPartner: z.boolean(),
  notes: z.string(),
  /** Fixed contact persons first, then by name. */
  contacts: z.array(partnerContactSchema),
  /** Newest first. */
  agreements: z.array(partnerAgreementSchema),
  /** Partner days of the training register whose partners name this organisation (trimmed, any case), newest first. */
  trainings: z.array(partnerTrainingSchema),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type PartnerOrganisation = z.infer<typeof partnerOrganisationSchema>;

export const partnersRegisterSchema = z.object({
  /** The organisations in the register, by name. */
  organisations: z.array(partnerOrganisationSchema),
  /** Organisations taken out of the register, which can be brought back. */
  archived: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(PARTNER_KINDS), archivedAt: z.string() })),
  /** The school's attention officers for the meldcode (read-only here: named on the Aandachtsfunctionaris page). */
  attentionOfficers: z.array(z.object({ name: z.string(), since: z.string() })),
});
export type PartnersRegister = z.infer<typeof partnersRegisterSchema>;

/** The register without any free text: names, kinds and fixed contact persons, for suggestions on the care pages. */
export const partnerDirectorySchema = z.object({
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(PARTNER_KINDS),
      isKeyPartner: z.boolean(),
      fixedContacts: z.array(z.object({ name: z.string(), role: z.string(), phone: z.string().nullable(), email: z.string().nullable() })),
    }),
  ),
});
export type PartnerDirectory = z.infer<typeof partnerDirectorySchema>;

/** Counts only, beside the self-scan aspect about partner organisations and layer 1's "key partners follow a one-day training". */
export const partnersEvidenceSchema = z.object({
  organisations: z.number(),
  keyPartners: z.number(),
  /** Key partners with at least one fixed contact person. */
  keyPartnersWithFixedContact: z.number(),
  /** Key partners named in a partner day of the training register held on or before today. */
  keyPartnersTrained: z.number(),
});
export type PartnersEvidence = z.infer<typeof partnersEvidenceSchema>;
