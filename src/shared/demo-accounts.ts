/** The password of every demo account; the demo is public and fictional, so it is no secret. */
export const DEMO_PASSWORD = 'demo-groeiwijzer';

/** The e-mail addresses of the demo accounts, by what each one shows off. */
export const DEMO_EMAILS = {
  boardAdmin: 'bestuur@voorbeeld.test',
  schoolAdmin: 'beheer@voorbeeld.test',
  leadership: 'directie@voorbeeld.test',
  tsoLead: 'kartrekker@voorbeeld.test',
  teacher: 'leerkracht@voorbeeld.test',
  careTeam: 'ib@voorbeeld.test',
  teacherSecondSchool: 'leerkracht2@voorbeeld.test',
} as const;
