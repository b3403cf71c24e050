// The partners register (issue 16): the words both sides use. The server validates with them, the web shows them.

/**
 * The kinds of partner organisation a school works with, a closed list: youth care (jeugdhulp), the police, Veilig
 * Thuis (the advice and reporting centre for domestic violence and child abuse), mental health care (GGZ), the
 * municipality's neighbourhood team (wijkteam), a TSO trainer, and anything else.
 */
export const PARTNER_KINDS = ['youth_care', 'police', 'veilig_thuis', 'mental_health', 'neighbourhood_team', 'tso_trainer', 'other'] as const;
/** One kind of partner organisation. */
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The self-scan aspect the register is evidence for: relationships with partner organisations (layer 3A). */
export const PARTNERS_ASPECT_ID = 'layer-3a.partners';

/** Text limits of the register. */
export const PARTNER_LIMITS = {
  organisationName: 160,
  notes: 4000,
  contactName: 120,
  contactRole: 120,
  phone: 40,
  agreementTitle: 200,
  agreementText: 8000,
} as const;

/**
 * How an organisation's name is compared — with another organisation of the school and with the partners of a
 * training in the training register: trimmed, and without regard to upper and lower case.
 */
export function partnerNameKey(name: string): string {
  return name.trim().toLocaleLowerCase('nl');
}
