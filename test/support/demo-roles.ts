import { DEMO_BOARD_NAME, type DemoEmail } from '../../src/server/features/demo/demo.data';

/** The demo's primary school. */
export const PRIMARY = 'Basisschool De Vlinderboom';
/** The demo's special secondary school. */
export const SPECIAL = 'VSO De Horizon';

/** A school of the demo board. */
export type SchoolName = typeof PRIMARY | typeof SPECIAL;

const SCHOOL_ADMIN_MENU = ['Overzicht', 'Zelfscan', 'Leerlingen', 'Klassen', 'Locaties', 'Check-in', 'Scholing', 'Team', 'Samenwerkingspartners', 'Personeel', 'Onderzoek', 'Bewaartermijnen', 'Aandachtsfunctionaris', 'Ouderpagina', 'Postvak', 'Logboek', 'Verwerkingsregister', 'Bewaren en verwijderen', 'Verzoeken over een persoon'];
const BOARD_ADMIN_SCHOOL_MENU = ['Overzicht', 'Klassen', 'Locaties', 'Personeel', 'Postvak', 'Logboek'];

/** The board menu a board admin sees, in order. */
export const BOARD_MENU = ['Scholen', 'Zelfscan per school', 'Check-in per school', 'Implementatieplannen', 'Effect van TSO', 'Accounts', 'Inloggen met schoolaccount', 'Verwerkingsregister', 'Postvak', 'Logboek'];

/** What one demo account must and must not see. */
export interface RoleExpectation {
  /** The boards and schools listed on the home page. */
  homeBoards: string[];
  homeSchools: SchoolName[];
  /** Per school this person can open: the links of its school menu, in order. */
  schoolMenus: Partial<Record<SchoolName, string[]>>;
  /** Per school: the classes whose pupils the Leerlingen page must list, all and only. */
  pupilClasses?: Partial<Record<SchoolName, 'all' | string[]>>;
  /** Pages of a school this person must be refused, as paths below /scholen/:id. */
  refusedPages: { school: SchoolName; path: string }[];
  /** Schools this person cannot open at all. */
  unavailableSchools?: SchoolName[];
}

// Derived from the policy table but written out by hand, so a change to the policy shows up as a failing
// test: test/demo-roles.test.ts checks all of it through the API and the menu functions (cheap), and
// test/e2e/roles.e2e.test.ts checks in the browser that it renders so.
/** What each demo account must and must not see. */
export const DEMO_ROLE_EXPECTATIONS: Record<DemoEmail, RoleExpectation> = {
  'bestuur@voorbeeld.test': {
    homeBoards: [DEMO_BOARD_NAME],
    homeSchools: [],
    schoolMenus: { [PRIMARY]: BOARD_ADMIN_SCHOOL_MENU, [SPECIAL]: BOARD_ADMIN_SCHOOL_MENU },
    // Pupil data is need-to-know: the board admin runs the schools but does not read pupil records.
    refusedPages: [
      { school: PRIMARY, path: 'leerlingen' },
      { school: SPECIAL, path: 'leerlingen/importeren' },
      { school: PRIMARY, path: 'partners' },
    ],
  },
  'directie@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY],
    schoolMenus: { [PRIMARY]: ['Overzicht', 'Zelfscan', 'Leerlingen', 'Check-in', 'Implementatieplan', 'Scholing', 'Team', 'Samenwerkingspartners', 'Metingen', 'Effect van TSO', 'Personeel', 'Aandachtsfunctionaris', 'Sociogram-instellingen', 'Regulatie beheren', 'Ouderpagina', 'Noodtoegang'] },
    pupilClasses: { [PRIMARY]: 'all' },
    refusedPages: [
      { school: PRIMARY, path: 'locaties' },
      { school: PRIMARY, path: 'logboek' },
    ],
    unavailableSchools: [SPECIAL],
  },
  'kartrekker@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY],
    schoolMenus: { [PRIMARY]: ['Overzicht', 'Zelfscan', 'Check-in', 'Implementatieplan', 'Scholing', 'Team', 'Samenwerkingspartners', 'Metingen', 'Effect van TSO', 'Regulatie beheren', 'Noodtoegang'] },
    refusedPages: [
      { school: PRIMARY, path: 'leerlingen' },
      { school: PRIMARY, path: 'zorg' },
      { school: PRIMARY, path: 'personeel' },
      { school: PRIMARY, path: 'vragenlijsten' },
      { school: PRIMARY, path: 'ouders' },
    ],
  },
  'leerkracht@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY],
    schoolMenus: { [PRIMARY]: ['Overzicht', 'Zelfscan', 'Leerlingen', 'Check-in', 'Groep', 'Regulatie', 'Ouders', 'Team', 'Vragenlijsten', 'Noodtoegang'] },
    pupilClasses: { [PRIMARY]: ['Groep 5'] },
    refusedPages: [
      { school: PRIMARY, path: 'zorg' },
      { school: PRIMARY, path: 'personeel' },
      { school: PRIMARY, path: 'leerlingen/importeren' },
      { school: PRIMARY, path: 'metingen' },
      { school: PRIMARY, path: 'effect' },
      { school: PRIMARY, path: 'partners' },
    ],
  },
  'ib@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY],
    schoolMenus: { [PRIMARY]: ['Overzicht', 'Zelfscan', 'Leerlingen', 'Check-in', 'Groep', 'Regulatie', 'Ouders', 'Zorg', 'Team', 'Samenwerkingspartners', 'Sociogram-instellingen', 'Regulatie beheren', 'Ouderpagina'] },
    pupilClasses: { [PRIMARY]: 'all' },
    refusedPages: [
      { school: PRIMARY, path: 'personeel' },
      { school: PRIMARY, path: 'noodtoegang' },
    ],
  },
  'leerkracht2@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [SPECIAL],
    schoolMenus: { [SPECIAL]: ['Overzicht', 'Zelfscan', 'Leerlingen', 'Check-in', 'Groep', 'Regulatie', 'Ouders', 'Team', 'Vragenlijsten', 'Noodtoegang'] },
    pupilClasses: { [SPECIAL]: ['Klas 2B'] },
    refusedPages: [{ school: SPECIAL, path: 'klassen' }],
    unavailableSchools: [PRIMARY],
  },
  'beheer@voorbeeld.test': {
    homeBoards: [],
    homeSchools: [PRIMARY, SPECIAL],
    schoolMenus: { [PRIMARY]: SCHOOL_ADMIN_MENU, [SPECIAL]: SCHOOL_ADMIN_MENU },
    pupilClasses: { [PRIMARY]: 'all', [SPECIAL]: 'all' },
    refusedPages: [],
  },
};
