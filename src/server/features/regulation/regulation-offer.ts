import type { AgeGroup } from '../../../shared/checkin';
import type { OutOfWindowState } from '../../../shared/regulation';
import type { RegulationActivity } from './regulation-activity.schema';

// Which activities the pupil page offers after a check-in outside the window (issue 19): pure, no I/O, no clock —
// the service passes the school's activities, what it hid, the pupil's plan, the class's favourites and today's date.

/** The most activities offered at once: one or two to choose from, never a list to scroll through. */
export const OFFER_SIZE = 2;

/** An activity a pupil can do alone after a check-in: one that has its pupil part (prompt and animation). */
export type PupilActivity = RegulationActivity & { forPupils: NonNullable<RegulationActivity['forPupils']> };

/**
 * The activities a pupil of an age group may be offered for a state: those with a pupil part, meant for that state
 * and age group, and not hidden by the school; sorted by id. Also what a saved moment's activity is checked against.
 */
export function offerableActivities(activities: readonly RegulationActivity[], state: OutOfWindowState, ageGroup: AgeGroup, hiddenIds: ReadonlySet<string>): PupilActivity[] {
  return activities
    .filter((activity): activity is PupilActivity => activity.forPupils !== undefined)
    .filter((activity) => activity.states.includes(state) && activity.ageGroups.includes(ageGroup) && !hiddenIds.has(activity.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What orders an offer: the activities linked to the pupil's support plan, the class's favourites, and the school date. */
export interface OfferOrder {
  planIds: ReadonlySet<string>;
  favouriteIds: ReadonlySet<string>;
  /** YYYY-MM-DD, the school's today. */
  schoolDate: string;
}

/**
 * At most OFFER_SIZE of the offerable activities: first those of the pupil's support plan ("what helps"), then the
 * class's favourites, then the rest. Each group turns one place further every school day, so a pupil is not always
 * offered the same one, while the same day always gives the same offer (a pupil who looks twice sees no change).
 */
export function chooseOffer(offerable: readonly PupilActivity[], order: OfferOrder): PupilActivity[] {
  const day = dayNumberOf(order.schoolDate);
  const planned = offerable.filter((activity) => order.planIds.has(activity.id));
  const favourites = offerable.filter((activity) => !order.planIds.has(activity.id) && order.favouriteIds.has(activity.id));
  const rest = offerable.filter((activity) => !order.planIds.has(activity.id) && !order.favouriteIds.has(activity.id));
  return [...rotated(planned, day), ...rotated(favourites, day), ...rotated(rest, day)].slice(0, OFFER_SIZE);
}

// Days since 1970-01-01: a whole number that grows by one each calendar day.
function dayNumberOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

function rotated<T>(list: readonly T[], by: number): T[] {
  if (list.length === 0) return [];
  const start = by % list.length;
  return [...list.slice(start), ...list.slice(0, start)];
}
