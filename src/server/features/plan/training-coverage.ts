import { FULL_TRAINING_KINDS, type TrainingKind } from '../../../shared/plan';

// Training coverage: one pure function (no I/O, no clock) behind the register page, the figures beside
// layer 1 of the self-scan and the board roll-up. The counting rules are written out in docs/features/plan.md
// ("Training register and coverage"); the tests in training-coverage.test.ts check each of them.

/** A current staff member of the school: holds a school role now, account not disabled. */
export interface CoverageStaffMember {
  userId: string;
  name: string;
  /** The school day (YYYY-MM-DD) of their earliest role in this school. */
  joinedOn: string;
}

/** A training of the school as coverage needs it. */
export interface CoverageTraining {
  kind: TrainingKind;
  /** YYYY-MM-DD. */
  heldOn: string;
  participantUserIds: readonly string[];
  /** Partner organisations as recorded (spelling as typed). */
  partners: readonly string[];
}

/** Everything coverage is computed from. */
export interface TrainingCoverageInput {
  staff: readonly CoverageStaffMember[];
  /** Trainings in the order they were recorded: on the same day, a later one's spelling of a partner wins. */
  trainings: readonly CoverageTraining[];
  /** Today in school time, YYYY-MM-DD. */
  today: string;
  /** N: months a new staff member has to get the full training. */
  untrainedAfterMonths: number;
}

/** The coverage figures (the shape of `trainingCoverageSchema`). */
export interface TrainingCoverage {
  today: string;
  untrainedAfterMonths: number;
  currentStaff: number;
  fullyTrained: number;
  share: number | null;
  untrainedOverdue: { userId: string; name: string; joinedOn: string }[];
  newStaffWithinGrace: { userId: string; name: string; joinedOn: string; trainBy: string }[];
  partnersTrained: { organisation: string; lastTrainedOn: string; trainings: number }[];
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date plus whole months; a day that does not exist in the target month becomes that month's
 * last day (31 January + 1 month = 28 or 29 February, 31 August + 1 month = 30 September).
 */
export function addCalendarMonths(date: string, months: number): string {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  const monthIndex = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const byName = (a: { name: string; userId: string }, b: { name: string; userId: string }) =>
  a.name.localeCompare(b.name, 'nl') || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/**
 * Computes the school's training coverage:
 * - only `staff` counts (people who left are not in it, so their participation counts nowhere);
 * - only trainings held on or before `today` count (a planned training is not coverage yet);
 * - fully trained = took part in a training of a FULL_TRAINING_KINDS kind;
 * - share = fully trained / current staff (null without staff);
 * - not fully trained and `trainBy` (joinedOn + N calendar months) before today → untrainedOverdue;
 *   otherwise (trainBy today or later) → newStaffWithinGrace with that trainBy;
 * - partners: every organisation of any held training, trimmed and compared case-insensitively, shown in the
 *   spelling of its latest training, with that date and the number of trainings it took part in.
 * Lists are sorted by name (Dutch collation), partners by organisation.
 */
export function computeTrainingCoverage(input: TrainingCoverageInput): TrainingCoverage {
  const { today, untrainedAfterMonths } = input;
  const held = input.trainings
    .map((training, order) => ({ training, order }))
    .filter(({ training }) => training.heldOn <= today)
    .sort((a, b) => (a.training.heldOn < b.training.heldOn ? -1 : a.training.heldOn > b.training.heldOn ? 1 : a.order - b.order))
    .map(({ training }) => training);

  const fullyTrainedIds = new Set(held.filter((training) => FULL_TRAINING_KINDS.includes(training.kind)).flatMap((training) => training.participantUserIds));

  // One entry per person; a duplicate keeps the earliest date they joined.
  const staff = new Map<string, CoverageStaffMember>();
  for (const member of input.staff) {
    const known = staff.get(member.userId);
    if (!known || member.joinedOn < known.joinedOn) staff.set(member.userId, member);
  }

  const untrainedOverdue: TrainingCoverage['untrainedOverdue'] = [];
  const newStaffWithinGrace: TrainingCoverage['newStaffWithinGrace'] = [];
  let fullyTrained = 0;
  for (const member of staff.values()) {
    if (fullyTrainedIds.has(member.userId)) {
      fullyTrained += 1;
      continue;
    }
    const trainBy = addCalendarMonths(member.joinedOn, untrainedAfterMonths);
    if (trainBy < today) untrainedOverdue.push({ userId: member.userId, name: member.name, joinedOn: member.joinedOn });
    else newStaffWithinGrace.push({ userId: member.userId, name: member.name, joinedOn: member.joinedOn, trainBy });
  }

  const partners = new Map<string, { organisation: string; lastTrainedOn: string; trainings: number }>();
  for (const training of held) {
    const seen = new Set<string>();
    for (const raw of training.partners) {
      const organisation = raw.trim();
      const key = organisation.toLowerCase();
      if (organisation === '' || seen.has(key)) continue;
      seen.add(key);
      const known = partners.get(key);
      // `held` runs oldest first, so the last spelling seen is the latest one.
      partners.set(key, { organisation, lastTrainedOn: training.heldOn, trainings: (known?.trainings ?? 0) + 1 });
    }
  }

  return {
    today,
    untrainedAfterMonths,
    currentStaff: staff.size,
    fullyTrained,
    share: staff.size === 0 ? null : fullyTrained / staff.size,
    untrainedOverdue: untrainedOverdue.sort(byName),
    newStaffWithinGrace: newStaffWithinGrace.sort(byName),
    partnersTrained: [...partners.values()].sort((a, b) => a.organisation.localeCompare(b.organisation, 'nl') || a.lastTrainedOn.localeCompare(b.lastTrainedOn)),
  };
}
