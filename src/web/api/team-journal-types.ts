// The private reflection journal: the contracts, from the server's own schemas.
export type { Journal, JournalEntry, JournalEntryBody } from '../../server/features/team/journal.schemas';
