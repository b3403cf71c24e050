// Two school years of measurement waves for De Vlinderboom (issue 13), so a new user finds the effect page
// filled: three waves before the team training (DEMO_TRAININGS, 330 days ago) and three after it, each a year
// after its twin, as in the TSO study (seed 001): loaded in December, they fall in February, June and October. The teachers answer the sense-of-competence list, the pupils
// of groep 5 and groep 7 the class-climate list. Made-up answers around a growth curve, the same on every load.

/** The days, counted back from today, on which the six waves open (moved to that week's Monday); each runs a week. */
export const DEMO_WAVE_DAYS_AGO = [665, 545, 420, 300, 180, 55] as const;
export const DEMO_WAVE_DAYS_OPEN = 5;

export const DEMO_TEACHER_INSTRUMENT = { id: 'teacher-competence', version: '1.0.0' } as const;
export const DEMO_PUPIL_INSTRUMENT = { id: 'class-climate-pupil', version: '1.0.0' } as const;
/** The pupils' classes by their index in the school (groep 5 and groep 7: the list is for ages 8 and up). */
export const DEMO_PUPIL_CLASS_INDEXES = [1, 2] as const;

/**
 * The growth curve of the answers, on the answer scale, in years from the first wave: a level, little growth
 * before the training, a small step at it and clearly more growth after it; people differ in level.
 */
export const DEMO_GROWTH = {
  teachers: { level: 3.0, personSd: 0.45, baselinePerYear: 0.1, step: 0.15, implementationPerYear: 0.9, itemSd: 0.4 },
  pupils: { level: 2.4, personSd: 0.35, baselinePerYear: 0.05, step: 0.1, implementationPerYear: 0.5, itemSd: 0.45 },
} as const;

export const DEMO_WAVE_NAMES = {
  teachers: (number: number) => `Teammeting ${number}`,
  pupils: (number: number) => `Leerlingmeting ${number}`,
} as const;
