// Parents and their parent page (issue 16): the contracts, from the server's own schemas.
export type { Parent, ParentFields, ParentSettings, PupilParents, SentLink, SentQuestionnaire, TranslationFile } from '../../server/features/parents/parents.schemas';
