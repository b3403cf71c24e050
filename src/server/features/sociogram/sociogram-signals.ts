import type { Kysely } from 'kysely';
import { addDays } from '../../../shared/school-time';
import type { Database } from '../../db/database';
import type { SignalFinding } from '../checkin/signals';
import * as repository from './sociogram.repository';
import { analysisOf } from './sociogram.service';

// The sociogram's signals in the check-in's signal lists (issue 15): a pupil nobody chose, and a pupil classified
// "rejected" by either method, in the class's newest closed sociogram. They show for SOCIOGRAM_SIGNAL_DAYS after the
// sociogram closed — long enough to act on, after which a new sociogram tells whether it helped.

/** How many calendar days after closing a sociogram its signals show. */
export const SOCIOGRAM_SIGNAL_DAYS = 42;

/** The sociogram findings of the pupils of some classes today, per pupil (only pupils with one). */
export async function sociogramFindings(db: Kysely<Database>, classIds: readonly string[], today: string): Promise<Map<string, SignalFinding[]>> {
  const findings = new Map<string, SignalFinding[]>();
  for (const sociogram of await repository.listRecentClosedOfClasses(db, classIds, addDays(today, -SOCIOGRAM_SIGNAL_DAYS))) {
    const closedOn = sociogram.closed_on!;
    const { analysis } = await analysisOf(db, sociogram);
    for (const pupil of analysis.pupils) {
      const found: SignalFinding[] = [];
      if (pupil.isolated) found.push({ kind: 'sociogram_isolated', closedOn });
      const methods = [...(pupil.cdc === 'rejected' ? (['cdc'] as const) : []), ...(pupil.nb === 'rejected' ? (['nb'] as const) : [])];
      if (methods.length > 0) found.push({ kind: 'sociogram_rejected', closedOn, methods });
      if (found.length > 0) findings.set(pupil.pupil, [...(findings.get(pupil.pupil) ?? []), ...found]);
    }
  }
  return findings;
}
