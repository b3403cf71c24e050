import type { Permission } from '../../../shared/permissions';

/** The care team's overview of the school. */
export const careOverviewPath = (schoolId: string) => `/scholen/${schoolId}/zorg`;
/** How long the school keeps care data after a pupil leaves. */
export const careRetentionPath = (schoolId: string) => `/scholen/${schoolId}/bewaartermijnen`;
/** Naming the school's attention officer (aandachtsfunctionaris) for the meldcode. */
export const attentionOfficerPath = (schoolId: string) => `/scholen/${schoolId}/aandachtsfunctionaris`;
/** One pupil's care file. */
export const pupilCarePath = (schoolId: string, pupilId: string) => `/scholen/${schoolId}/leerlingen/${pupilId}/zorg`;
/** Opening a pupil's plan by break-glass (optionally for one pupil). */
export const breakGlassPath = (schoolId: string, pupilId?: string) => `/scholen/${schoolId}/noodtoegang${pupilId ? `?leerling=${encodeURIComponent(pupilId)}` : ''}`;

/** Whoever holds one of these may be shown a link to a pupil's care file (the server narrows it per pupil). */
export const CARE_FILE_PERMISSIONS: readonly Permission[] = ['school.care.plans.read'];
