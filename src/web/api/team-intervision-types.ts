// The intervision and supervision log (issue 17): the contracts, from the server's own schemas.
export type { IntervisionFigures, IntervisionLog, IntervisionSession, SessionBody } from '../../server/features/team/intervision.schemas';
