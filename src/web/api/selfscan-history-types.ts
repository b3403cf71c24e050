// Types only, like api-types.ts: kept apart so the self-scan history work does not edit that shared file.
export type { SchoolSettings } from '../../server/features/school-settings/school-settings.schemas';
export type { BoardSelfscan, Placement, SelfscanHistory, SelfscanShift } from '../../server/features/selfscan/selfscan-history.schemas';
