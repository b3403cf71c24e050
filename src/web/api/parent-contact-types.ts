// The contact log with parents: the contracts, from the server's own schemas.
export type {
  AddParentContactBody,
  ChangeParentContactBody,
  ParentContact,
  ParentContactCoverage,
  ParentContactFollowUpBody,
  ParentContactLog,
  ParentContactsOverview,
} from '../../server/features/parents/parent-contacts.schemas';
