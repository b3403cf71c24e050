// The partners register (issue 16): the organisations a school works with around its pupils (youth care, police,
// Veilig Thuis, GGZ, the neighbourhood team, a TSO trainer…), their contact persons and the agreements made with them.
// Nothing here is about a pupil. The free text — notes about an organisation and the text of an agreement — is
// field-encrypted (ENCRYPTED_COLUMNS): people write there what they would not put on a notice board. An empty text is
// stored as '' (nothing to protect), so a register without notes works without the key.

/** A partner organisation of a school. Archived ones stay (an undo brings them back); lists leave them out. */
export interface PartnerOrganisationsTable {
  id: string;
  school_id: string;
  name: string;
  /** One of PARTNER_KINDS (shared/partners.ts). */
  kind: string;
  /** 1 when the school counts it among its key partners (the self-scan's "belangrijke samenwerkingspartners"). */
  is_key_partner: number;
  /** Notes about the organisation (may be ''), field-encrypted when not empty. */
  notes_encrypted: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  /** When it was archived; null while it is in the register. */
  archived_at: string | null;
}

/** A contact person at a partner organisation: professional contact details, no free text. */
export interface PartnerContactsTable {
  id: string;
  school_id: string;
  organisation_id: string;
  name: string;
  /** Their role or function (may be ''). */
  role: string;
  email: string | null;
  phone: string | null;
  /** 1 for the school's fixed contact person (vast contactpersoon) at the organisation. */
  is_fixed_contact: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** An agreement with a partner organisation (a covenant, how to reach each other, a joint approach). */
export interface PartnerAgreementsTable {
  id: string;
  school_id: string;
  organisation_id: string;
  title: string;
  /** The school date it was agreed on. */
  agreed_on: string;
  /** When to look at it again (school date), if set. */
  review_on: string | null;
  /** What was agreed (may be ''), field-encrypted when not empty. */
  text_encrypted: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
