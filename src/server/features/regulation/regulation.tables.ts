// Regulation in the classroom (issue 19). A regulation moment is a pupil's own data (the teacher of the class and the
// care team see it per pupil; everyone else only anonymous counts per class under the k rule); it holds no free text.

/** An activity a school wrote itself, in the shipped format. */
export interface RegulationSchoolActivitiesTable {
  id: string;
  school_id: string;
  activity_id: string;
  /** The activity as JSON (regulation-activity.schema.ts). */
  definition: string;
  created_by: string | null;
  created_at: string;
}

/** A shipped (or own) activity the school does not want to see or offer. */
export interface RegulationHiddenActivitiesTable {
  school_id: string;
  activity_id: string;
  hidden_by: string | null;
  hidden_at: string;
}

/** An activity a class's teacher marked as a favourite for the class. */
export interface RegulationFavouritesTable {
  class_id: string;
  activity_id: string;
  added_by: string | null;
  added_at: string;
}

/** A daily routine moment of a class: at a time of day, one activity with the whole class. */
export interface RegulationRoutinesTable {
  id: string;
  school_id: string;
  class_id: string;
  /** HH:MM, school time. */
  time_of_day: string;
  label: string;
  activity_id: string;
  created_by: string | null;
  created_at: string;
}

/** An activity the care team linked to a pupil's support plan ("what helps"). */
export interface RegulationPlanActivitiesTable {
  school_id: string;
  pupil_id: string;
  activity_id: string;
  added_by: string | null;
  added_at: string;
}

/** One activity a pupil did after a check-in outside the window, and whether it helped. */
export interface RegulationMomentsTable {
  id: string;
  school_id: string;
  class_id: string;
  pupil_id: string;
  school_date: string;
  /** too_high | too_low */
  state: string;
  activity_id: string;
  /** 1 helped, 0 did not, null not answered. */
  helped: number | null;
  /** kiosk | device */
  channel: string;
  created_at: string;
}

/** A "know your window" lesson a class was given (shared/window-lessons.ts): about the class, never a pupil. */
export interface RegulationLessonsGivenTable {
  id: string;
  school_id: string;
  class_id: string;
  /** One of WINDOW_LESSON_IDS. */
  lesson_id: string;
  /** The age version shown: young | middle | older. */
  age_group: string;
  /** YYYY-MM-DD, a school day of the class's school year. */
  given_on: string;
  recorded_by: string | null;
  created_at: string;
}
