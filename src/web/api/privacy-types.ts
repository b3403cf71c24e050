// The privacy statement's contract, from the server's own schemas.
export type { PrivacyStatement } from '../../server/features/privacy-statement/privacy-statement.schemas';
