import type { Kysely } from 'kysely';
import { type PartnerKind, partnerNameKey } from '../../../shared/partners';
import { schoolDateOf } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { type AuditAction, recordAudit } from '../../audit/audit.service';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { findAttentionOfficer } from '../care/care-meldcode.repository';
import * as trainingRepository from '../plan/training.repository';
import * as repository from './partners.repository';
import type {
  AgreementFields,
  ContactFields,
  OrganisationFields,
  PartnerAgreement,
  PartnerContact,
  PartnerDirectory,
  PartnerOrganisation,
  PartnersEvidence,
  PartnersRegister,
  PartnerTraining,
} from './partners.schemas';

// The partners register (issue 16): a school's partner organisations, their contact persons and the agreements made
// with them, beside the partner days of the training register and the school's attention officer. Nothing in it is
// about a pupil, so reads are not audited; every change is, with ids and kinds in the detail, never a name or a text.
// The route policies decide who reads (`school.partners`) and who changes (`school.partners.manage`); every query is
// scoped to the school in the path, so another school's record answers 404.

const collator = new Intl.Collator('nl', { sensitivity: 'base' });
const byName = <T extends { name: string }>(left: T, right: T) => collator.compare(left.name, right.name);

type OrganisationRow = NonNullable<Awaited<ReturnType<typeof repository.findOrganisation>>>;
type ContactRow = Awaited<ReturnType<typeof repository.listContacts>>[number];
type AgreementRow = Awaited<ReturnType<typeof repository.listAgreements>>[number];

// ---------- reading ----------

/** The register: the organisations with their contact persons, agreements and partner days; the archived ones; the attention officer. */
export async function getRegister(deps: Deps, schoolId: string): Promise<PartnersRegister> {
  const db = deps.db.kysely;
  const [rows, archived, contacts, agreements, trainings, officer] = await Promise.all([
    repository.listOrganisations(db, schoolId, false),
    repository.listOrganisations(db, schoolId, true),
    repository.listContacts(db, schoolId),
    repository.listAgreements(db, schoolId),
    partnerDaysByName(db, schoolId),
    findAttentionOfficer(db, schoolId),
  ]);
  const today = schoolDateOf(deps.clock.now());
  const organisations = await Promise.all(
    rows.map((row) =>
      organisationOf(
        deps,
        row,
        contacts.filter((contact) => contact.organisation_id === row.id),
        agreements.filter((agreement) => agreement.organisation_id === row.id),
        trainings,
        today,
      ),
    ),
  );
  return {
    organisations: organisations.sort(byName),
    archived: archived.map((row) => ({ id: row.id, name: row.name, kind: row.kind as PartnerKind, archivedAt: row.archived_at ?? '' })).sort(byName),
    attentionOfficers: officer ? [{ name: officer.name, since: officer.set_at }] : [],
  };
}

/** The organisations in the register with their fixed contact persons, without notes or agreements (for the care pages). */
export async function getDirectory(deps: Deps, schoolId: string): Promise<PartnerDirectory> {
  const db = deps.db.kysely;
  const [rows, contacts] = await Promise.all([repository.listOrganisations(db, schoolId, false), repository.listContacts(db, schoolId)]);
  return {
    organisations: rows
      .map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind as PartnerKind,
        isKeyPartner: row.is_key_partner === 1,
        fixedContacts: contacts
          .filter((contact) => contact.organisation_id === row.id && contact.is_fixed_contact === 1)
          .map((contact) => ({ name: contact.name, role: contact.role, phone: contact.phone, email: contact.email }))
          .sort(byName),
      }))
      .sort(byName),
  };
}

/**
 * Counts for the self-scan: organisations in the register, key partners, key partners with a fixed contact person,
 * and key partners that took part in a partner day of the training register held on or before today.
 */
export async function getEvidence(deps: Deps, schoolId: string): Promise<PartnersEvidence> {
  const db = deps.db.kysely;
  const [rows, contacts, trainings] = await Promise.all([repository.listOrganisations(db, schoolId, false), repository.listContacts(db, schoolId), partnerDaysByName(db, schoolId)]);
  const today = schoolDateOf(deps.clock.now());
  const keyPartners = rows.filter((row) => row.is_key_partner === 1);
  const withFixedContact = new Set(contacts.filter((contact) => contact.is_fixed_contact === 1).map((contact) => contact.organisation_id));
  return {
    organisations: rows.length,
    keyPartners: keyPartners.length,
    keyPartnersWithFixedContact: keyPartners.filter((row) => withFixedContact.has(row.id)).length,
    keyPartnersTrained: keyPartners.filter((row) => (trainings.get(partnerNameKey(row.name)) ?? []).some((training) => training.heldOn <= today)).length,
  };
}

// The school's partner days (training register, kind partner_day) per organisation name key, newest first.
async function partnerDaysByName(db: Kysely<Database>, schoolId: string): Promise<Map<string, Omit<PartnerTraining, 'isPlanned'>[]>> {
  const [trainings, partners] = await Promise.all([trainingRepository.listTrainings(db, [schoolId]), trainingRepository.listPartners(db, [schoolId])]);
  const partnerDays = new Map(trainings.filter((training) => training.kind === 'partner_day').map((training) => [training.id, training]));
  const byName = new Map<string, Omit<PartnerTraining, 'isPlanned'>[]>();
  for (const partner of partners) {
    const training = partnerDays.get(partner.training_id);
    if (!training) continue;
    const key = partnerNameKey(partner.organisation);
    byName.set(key, [...(byName.get(key) ?? []), { trainingId: training.id, title: training.title, heldOn: training.held_on }]);
  }
  for (const list of byName.values()) list.sort((left, right) => right.heldOn.localeCompare(left.heldOn));
  return byName;
}

// ---------- organisations ----------

/** Adds an organisation to the register; its name must differ from the others' in the register. */
export async function addOrganisation(deps: Deps, caller: StaffCaller, schoolId: string, fields: OrganisationFields): Promise<PartnerOrganisation> {
  await refuseTakenName(deps, schoolId, fields.name, null);
  const id = newId();
  const now = isoInstant(deps.clock.now());
  const row = {
    id,
    school_id: schoolId,
    name: fields.name,
    kind: fields.kind,
    is_key_partner: fields.isKeyPartner ? 1 : 0,
    notes_encrypted: await seal(deps, 'partner_organisations', 'notes_encrypted', id, fields.notes),
    created_by: caller.userId,
    created_at: now,
    updated_by: caller.userId,
    updated_at: now,
    archived_at: null,
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertOrganisation(trx, row);
    await audit(trx, deps, caller, schoolId, id, 'partners.organisation_added', { kind: fields.kind, isKeyPartner: fields.isKeyPartner });
  });
  return readOrganisation(deps, schoolId, id);
}

/** Changes an organisation in the register: name, kind, whether it is a key partner, notes. */
export async function changeOrganisation(deps: Deps, caller: StaffCaller, schoolId: string, organisationId: string, fields: OrganisationFields): Promise<PartnerOrganisation> {
  const row = await requireOrganisation(deps, schoolId, organisationId);
  await refuseTakenName(deps, schoolId, fields.name, row.id);
  const changes = {
    name: fields.name,
    kind: fields.kind,
    is_key_partner: fields.isKeyPartner ? 1 : 0,
    notes_encrypted: await seal(deps, 'partner_organisations', 'notes_encrypted', row.id, fields.notes),
    updated_by: caller.userId,
    updated_at: isoInstant(deps.clock.now()),
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateOrganisation(trx, schoolId, row.id, changes);
    await audit(trx, deps, caller, schoolId, row.id, 'partners.organisation_changed', {
      kind: fields.kind,
      isKeyPartner: fields.isKeyPartner,
      ...(fields.kind !== row.kind ? { previousKind: row.kind } : {}),
    });
  });
  return readOrganisation(deps, schoolId, row.id);
}

/** Takes an organisation out of the register (`archived`), or brings an archived one back: the undo. */
export async function setOrganisationArchived(deps: Deps, caller: StaffCaller, schoolId: string, organisationId: string, archived: boolean): Promise<PartnerOrganisation> {
  const row = await repository.findOrganisation(deps.db.kysely, schoolId, organisationId);
  if (!row) throw new AppError('not_found');
  const isArchived = row.archived_at !== null;
  if (isArchived !== archived) {
    const now = isoInstant(deps.clock.now());
    await deps.db.kysely.transaction().execute(async (trx) => {
      await repository.updateOrganisation(trx, schoolId, row.id, { archived_at: archived ? now : null, updated_by: caller.userId, updated_at: now });
      await audit(trx, deps, caller, schoolId, row.id, archived ? 'partners.organisation_archived' : 'partners.organisation_restored', { kind: row.kind });
    });
  }
  return readOrganisation(deps, schoolId, row.id);
}

// ---------- contact persons ----------

/** Adds a contact person to an organisation in the register. */
export async function addContact(deps: Deps, caller: StaffCaller, schoolId: string, organisationId: string, fields: ContactFields): Promise<PartnerContact> {
  const organisation = await requireOrganisation(deps, schoolId, organisationId);
  const now = isoInstant(deps.clock.now());
  const row = { id: newId(), school_id: schoolId, organisation_id: organisation.id, ...contactColumnsOf(fields), created_by: caller.userId, created_at: now, updated_at: now };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertContact(trx, row);
    await audit(trx, deps, caller, schoolId, organisation.id, 'partners.contact_added', { contactId: row.id, isFixedContact: fields.isFixedContact });
  });
  return contactOf(row);
}

/** Changes a contact person of an organisation in the register. */
export async function changeContact(deps: Deps, caller: StaffCaller, schoolId: string, organisationId: string, contactId: string, fields: ContactFields): Promise<PartnerContact> {
  const organisation = await requireOrganisation(deps, schoolId, organisationId);
  const contact = await repository.findContact(deps.db.kysely, schoolId, organisation.id, contactId);
  if (!contact) throw new AppError('not_found');
  const changes = { ...contactColumnsOf(fields), updated_at: isoInstant(deps.clock.now()) };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateContact(trx, schoolId, contact.id, changes);
    await audit(trx, deps, caller, schoolId, organisation.id, 'partners.contact_changed', { contactId: contact.id, isFixedContact: fields.isFixedContact });
  });
  return contactOf({ ...contact, ...changes });
}

/** Removes a contact person from an organisation in the register. */
export async function removeContact(deps: Deps, caller: StaffCaller, schoolId: string, organisationId: string, contactId: string): Promise<void> {
  const organisation = await requireOrganisation(deps, schoolId, organisationId);
  const contact = await repository.findContact(deps.db.kysely, schoolId, organisation.id, contactId);
  if (!contact) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deleteContact(trx, schoolId, contact.id);
    await audit(trx, deps, caller, schoolId, organisation.id, 'partners.contact_removed', { contactId: contact.id });
  });
}

// ---------- agreements ----------

/** Records an agreement with an organisation in the register. */
export async function addAgreement(deps: Deps, caller: StaffCaller, schoolId: string, organisationId: string, fields: AgreementFields): Promise<PartnerAgreement> {
  const organisation = await requireOrganisation(deps, schoolId, organisationId);
  refuseReviewBeforeAgreed(fields);
  const id = newId();
  const now = isoInstant(deps.clock.now());
  const row = {
    id,
    school_id: schoolId,
    organisation_id: organisation.id,
    title: fields.title,
    agreed_on: fields.agreedOn,
    review_on: fields.reviewOn,
    text_encrypted: await seal(deps, 'partner_agreements', 'text_encrypted', id, fields.text),
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.insertAgreement(trx, row);
    await audit(trx, deps, caller, schoolId, organisation.id, 'partners.agreement_added', { agreementId: id });
  });
  return agreementOf(deps, row, schoolDateOf(deps.clock.now()));
}

/** Changes an agreement with an organisation in the register. */
export async function changeAgreement(deps: Deps, caller: StaffCaller, schoolId: string, organisationId: string, agreementId: string, fields: AgreementFields): Promise<PartnerAgreement> {
  const organisation = await requireOrganisation(deps, schoolId, organisationId);
  const agreement = await repository.findAgreement(deps.db.kysely, schoolId, organisation.id, agreementId);
  if (!agreement) throw new AppError('not_found');
  refuseReviewBeforeAgreed(fields);
  const changes = {
    title: fields.title,
    agreed_on: fields.agreedOn,
    review_on: fields.reviewOn,
    text_encrypted: await seal(deps, 'partner_agreements', 'text_encrypted', agreement.id, fields.text),
    updated_at: isoInstant(deps.clock.now()),
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.updateAgreement(trx, schoolId, agreement.id, changes);
    await audit(trx, deps, caller, schoolId, organisation.id, 'partners.agreement_changed', { agreementId: agreement.id });
  });
  return agreementOf(deps, { ...agreement, ...changes }, schoolDateOf(deps.clock.now()));
}

/** Removes an agreement with an organisation in the register. */
export async function removeAgreement(deps: Deps, caller: StaffCaller, schoolId: string, organisationId: string, agreementId: string): Promise<void> {
  const organisation = await requireOrganisation(deps, schoolId, organisationId);
  const agreement = await repository.findAgreement(deps.db.kysely, schoolId, organisation.id, agreementId);
  if (!agreement) throw new AppError('not_found');
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deleteAgreement(trx, schoolId, agreement.id);
    await audit(trx, deps, caller, schoolId, organisation.id, 'partners.agreement_removed', { agreementId: agreement.id });
  });
}

// ---------- rules and shapes ----------

/** An organisation in the register (not archived) of the school; 404 otherwise. */
async function requireOrganisation(deps: Deps, schoolId: string, organisationId: string): Promise<OrganisationRow> {
  const row = await repository.findOrganisation(deps.db.kysely, schoolId, organisationId);
  if (!row || row.archived_at !== null) throw new AppError('not_found');
  return row;
}

// Two organisations in the register with one name would make the register and the training match ambiguous.
async function refuseTakenName(deps: Deps, schoolId: string, name: string, exceptId: string | null): Promise<void> {
  const key = partnerNameKey(name);
  const rows = await repository.listOrganisations(deps.db.kysely, schoolId, false);
  if (rows.some((row) => row.id !== exceptId && partnerNameKey(row.name) === key)) {
    throw new AppError('validation_failed', { fields: { 'body.name': ['name_taken'] } });
  }
}

function refuseReviewBeforeAgreed(fields: AgreementFields): void {
  if (fields.reviewOn !== null && fields.reviewOn < fields.agreedOn) throw new AppError('validation_failed', { fields: { 'body.reviewOn': ['before_agreed'] } });
}

// One audit event about an organisation of the register, inside the write's transaction.
async function audit(trx: Kysely<Database>, deps: Deps, caller: StaffCaller, schoolId: string, organisationId: string, action: AuditAction, detail: Record<string, unknown>) {
  await recordAudit(trx, deps.clock, {
    actorUserId: caller.userId,
    action,
    targetType: 'partner_organisation',
    targetId: organisationId,
    schoolId,
    boardId: caller.schoolBoardId ?? null,
    detail,
  });
}

type SealedColumn = { table: 'partner_organisations'; column: 'notes_encrypted' } | { table: 'partner_agreements'; column: 'text_encrypted' };

// An empty text holds nothing to protect and is stored as it is, so a register without notes needs no key.
function seal<C extends SealedColumn>(deps: Deps, table: C['table'], column: C['column'], id: string, text: string): Promise<string> {
  return text === '' ? Promise.resolve('') : deps.fieldCrypto.encrypt(encryptedFieldRef(table, column, [id]), text);
}

function open<C extends SealedColumn>(deps: Deps, table: C['table'], column: C['column'], id: string, stored: string): Promise<string> {
  return stored === '' ? Promise.resolve('') : deps.fieldCrypto.decrypt(encryptedFieldRef(table, column, [id]), stored);
}

function contactColumnsOf(fields: ContactFields) {
  return { name: fields.name, role: fields.role, email: fields.email, phone: fields.phone, is_fixed_contact: fields.isFixedContact ? 1 : 0 };
}

function contactOf(row: Pick<ContactRow, 'id' | 'name' | 'role' | 'email' | 'phone' | 'is_fixed_contact'>): PartnerContact {
  return { id: row.id, name: row.name, role: row.role, email: row.email, phone: row.phone, isFixedContact: row.is_fixed_contact === 1 };
}

async function agreementOf(deps: Deps, row: Pick<AgreementRow, 'id' | 'title' | 'agreed_on' | 'review_on' | 'text_encrypted'>, today: string): Promise<PartnerAgreement> {
  return {
    id: row.id,
    title: row.title,
    agreedOn: row.agreed_on,
    reviewOn: row.review_on,
    isReviewDue: row.review_on !== null && row.review_on <= today,
    text: await open(deps, 'partner_agreements', 'text_encrypted', row.id, row.text_encrypted),
  };
}

async function organisationOf(
  deps: Deps,
  row: OrganisationRow,
  contacts: readonly ContactRow[],
  agreements: readonly AgreementRow[],
  partnerDays: ReadonlyMap<string, Omit<PartnerTraining, 'isPlanned'>[]>,
  today: string,
): Promise<PartnerOrganisation> {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PartnerKind,
    isKeyPartner: row.is_key_partner === 1,
    notes: await open(deps, 'partner_organisations', 'notes_encrypted', row.id, row.notes_encrypted),
    contacts: contacts.map(contactOf).sort((left, right) => Number(right.isFixedContact) - Number(left.isFixedContact) || byName(left, right)),
    agreements: (await Promise.all(agreements.map((agreement) => agreementOf(deps, agreement, today)))).sort(
      (left, right) => right.agreedOn.localeCompare(left.agreedOn) || collator.compare(left.title, right.title),
    ),
    trainings: (partnerDays.get(partnerNameKey(row.name)) ?? []).map((training) => ({ ...training, isPlanned: training.heldOn > today })),
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
  };
}

// The answer of a write: the organisation as it now stands (archived or not), with its contacts, agreements and partner days.
async function readOrganisation(deps: Deps, schoolId: string, organisationId: string): Promise<PartnerOrganisation> {
  const db = deps.db.kysely;
  const row = await repository.findOrganisation(db, schoolId, organisationId);
  if (!row) throw new AppError('not_found');
  const [contacts, agreements, trainings] = await Promise.all([repository.listContacts(db, schoolId), repository.listAgreements(db, schoolId), partnerDaysByName(db, schoolId)]);
  return organisationOf(
    deps,
    row,
    contacts.filter((contact) => contact.organisation_id === row.id),
    agreements.filter((agreement) => agreement.organisation_id === row.id),
    trainings,
    schoolDateOf(deps.clock.now()),
  );
}
