import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { PartnerAgreementsTable, PartnerContactsTable, PartnerOrganisationsTable } from './partners.tables';

// SQL of the partners register; every query is scoped to the school. Notes and agreement texts come back sealed: the
// service opens them. Names are sorted in the service, not here: SQLite and PostgreSQL collate differently.

// ---------- organisations ----------

/** The school's organisations: those in the register, or (`archived`) those taken out of it. */
export async function listOrganisations(db: Kysely<Database>, schoolId: string, archived: boolean) {
  const query = db
    .selectFrom('partner_organisations')
    .select(['id', 'name', 'kind', 'is_key_partner', 'notes_encrypted', 'updated_at', 'archived_at'])
    .where('school_id', '=', schoolId);
  return (archived ? query.where('archived_at', 'is not', null) : query.where('archived_at', 'is', null)).execute();
}

/** One organisation of the school, archived or not. */
export async function findOrganisation(db: Kysely<Database>, schoolId: string, organisationId: string) {
  return db
    .selectFrom('partner_organisations')
    .select(['id', 'name', 'kind', 'is_key_partner', 'notes_encrypted', 'updated_at', 'archived_at'])
    .where('school_id', '=', schoolId)
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

export async function insertOrganisation(db: Kysely<Database>, row: PartnerOrganisationsTable): Promise<void> {
  await db.insertInto('partner_organisations').values(row).execute();
}

/** Changes an organisation of the school: its fields, or whether it is archived. */
export async function updateOrganisation(
  db: Kysely<Database>,
  schoolId: string,
  organisationId: string,
  changes: Partial<Pick<PartnerOrganisationsTable, 'name' | 'kind' | 'is_key_partner' | 'notes_encrypted' | 'archived_at'>> & Pick<PartnerOrganisationsTable, 'updated_by' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('partner_organisations').set(changes).where('school_id', '=', schoolId).where('id', '=', organisationId).execute();
}

// ---------- contact persons ----------

/** The contact persons of the school's organisations (archived ones' too: the service picks). */
export async function listContacts(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('partner_contacts')
    .select(['id', 'organisation_id', 'name', 'role', 'email', 'phone', 'is_fixed_contact'])
    .where('school_id', '=', schoolId)
    .execute();
}

/** One contact person of an organisation of the school. */
export async function findContact(db: Kysely<Database>, schoolId: string, organisationId: string, contactId: string) {
  return db
    .selectFrom('partner_contacts')
    .select(['id', 'organisation_id', 'name', 'role', 'email', 'phone', 'is_fixed_contact'])
    .where('school_id', '=', schoolId)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', contactId)
    .executeTakeFirst();
}

export async function insertContact(db: Kysely<Database>, row: PartnerContactsTable): Promise<void> {
  await db.insertInto('partner_contacts').values(row).execute();
}

/** Changes a contact person of an organisation of the school. */
export async function updateContact(
  db: Kysely<Database>,
  schoolId: string,
  contactId: string,
  changes: Pick<PartnerContactsTable, 'name' | 'role' | 'email' | 'phone' | 'is_fixed_contact' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('partner_contacts').set(changes).where('school_id', '=', schoolId).where('id', '=', contactId).execute();
}

export async function deleteContact(db: Kysely<Database>, schoolId: string, contactId: string): Promise<void> {
  await db.deleteFrom('partner_contacts').where('school_id', '=', schoolId).where('id', '=', contactId).execute();
}

// ---------- agreements ----------

/** The agreements with the school's organisations (archived ones' too: the service picks). */
export async function listAgreements(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('partner_agreements')
    .select(['id', 'organisation_id', 'title', 'agreed_on', 'review_on', 'text_encrypted'])
    .where('school_id', '=', schoolId)
    .execute();
}

/** One agreement with an organisation of the school. */
export async function findAgreement(db: Kysely<Database>, schoolId: string, organisationId: string, agreementId: string) {
  return db
    .selectFrom('partner_agreements')
    .select(['id', 'organisation_id', 'title', 'agreed_on', 'review_on', 'text_encrypted'])
    .where('school_id', '=', schoolId)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', agreementId)
    .executeTakeFirst();
}

export async function insertAgreement(db: Kysely<Database>, row: PartnerAgreementsTable): Promise<void> {
  await db.insertInto('partner_agreements').values(row).execute();
}

/** Changes an agreement with an organisation of the school. */
export async function updateAgreement(
  db: Kysely<Database>,
  schoolId: string,
  agreementId: string,
  changes: Pick<PartnerAgreementsTable, 'title' | 'agreed_on' | 'review_on' | 'text_encrypted' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('partner_agreements').set(changes).where('school_id', '=', schoolId).where('id', '=', agreementId).execute();
}

export async function deleteAgreement(db: Kysely<Database>, schoolId: string, agreementId: string): Promise<void> {
  await db.deleteFrom('partner_agreements').where('school_id', '=', schoolId).where('id', '=', agreementId).execute();
}
