// The partners register: the contracts, from the server's own schemas.
export type {
  AgreementBody,
  ArchivedBody,
  ContactBody,
  OrganisationBody,
  PartnerAgreement,
  PartnerContact,
  PartnerDirectory,
  PartnerOrganisation,
  PartnersEvidence,
  PartnersRegister,
  PartnerTraining,
} from '../../server/features/partners/partners.schemas';
