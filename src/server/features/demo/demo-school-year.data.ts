import type { GrowthPhase } from '../../../shared/selfscan-model';
import type { SchoolRole } from '../../../shared/roles';

// The school year content of the demo's primary school, De Vlinderboom: the team beyond the demo accounts,
// two self-scan rounds, the plan that followed and the training register. Dates are days relative to today
// (negative: in the past), so the demo never looks stale. The seed (demo-school-year.seed.ts) feeds all of
// it through the services a school uses, so it is always data the app itself would have stored.

/** A colleague at De Vlinderboom without a demo login: they make the team big enough for anonymous results. */
export interface DemoColleague {
  key: string;
  name: string;
  email: string;
  role: SchoolRole;
  /** Index into De Vlinderboom's classes, for a teacher with a class. */
  classIndex?: number;
  /** The day they started at the school, in days from today. */
  startedDaysAgo: number;
}

/** The colleagues, in the order the staff list shows them. None of them can sign in (no password). */
export const DEMO_COLLEAGUES: readonly DemoColleague[] = [
  { key: 'lotte', name: 'Lotte Brouwer', email: 'lotte.brouwer@voorbeeld.test', role: 'teacher', classIndex: 0, startedDaysAgo: 9 * 365 },
  { key: 'ahmed', name: 'Ahmed Benali', email: 'ahmed.benali@voorbeeld.test', role: 'teacher', classIndex: 2, startedDaysAgo: 6 * 365 },
  { key: 'ellen', name: 'Ellen Kramer', email: 'ellen.kramer@voorbeeld.test', role: 'teacher', startedDaysAgo: 12 * 365 },
  { key: 'wendy', name: 'Wendy Schouten', email: 'wendy.schouten@voorbeeld.test', role: 'teacher', startedDaysAgo: 4 * 365 },
  // Joined long ago and missed the team training: the register lists him as overdue.
  { key: 'rik', name: 'Rik van Rooij', email: 'rik.vanrooij@voorbeeld.test', role: 'teacher', startedDaysAgo: 3 * 365 },
  // Joined this autumn and followed the training for new staff.
  { key: 'tom', name: 'Tom Hermans', email: 'tom.hermans@voorbeeld.test', role: 'teacher', startedDaysAgo: 110 },
  // Joined a month ago: still within the time a new colleague has to get the training.
  { key: 'naima', name: 'Naima Ouali', email: 'naima.ouali@voorbeeld.test', role: 'teacher', startedDaysAgo: 30 },
];

/** When the demo accounts of De Vlinderboom started there, in days from today (keys as in DEMO_EMAILS). */
export const DEMO_ACCOUNT_START_DAYS_AGO = {
  leadership: 8 * 365,
  tsoLead: 5 * 365,
  teacher: 7 * 365,
  careTeam: 10 * 365,
  schoolAdmin: 11 * 365,
} as const;

/** One self-scan round of the demo, in days from today. */
export interface DemoRound {
  name: string;
  opensDaysAgo: number;
  closesDaysAgo: number;
  /** Closed early by the TSO lead this many days ago; null: closed after its last day. */
  closedEarlyDaysAgo: number | null;
  /** Added to each aspect's level: the team grows between the rounds. */
  levelShift: number;
  /** Colleagues (keys) who did not answer, e.g. because they had not started yet. */
  notAnswering: readonly string[];
}

/**
 * The baseline round and the second round (in a demo loaded in December: the autumn round), oldest first. The
 * second is called "Tussenmeting", a name that fits whatever month the demo is loaded in.
 */
export const DEMO_ROUNDS: readonly [DemoRound, DemoRound] = [
  { name: 'Nulmeting', opensDaysAgo: 91, closesDaysAgo: 77, closedEarlyDaysAgo: null, levelShift: -0.7, notAnswering: ['tom', 'naima'] },
  { name: 'Tussenmeting', opensDaysAgo: 28, closesDaysAgo: 7, closedEarlyDaysAgo: 14, levelShift: 0, notAnswering: ['naima'] },
];

/** The team's level per aspect in the autumn round (fractions: the answers spread around it). */
export const DEMO_ASPECT_LEVELS: Record<string, number> = {
  'layer-1.motivation': 3.2,
  'layer-1.knowledge': 2.1,
  'layer-1.shared-language': 1.8,
  'layer-2.mission-vision': 2.6,
  'layer-2.facilities': 2.3,
  'layer-2.staff-policy': 1.9,
  'layer-2.managers': 2.8,
  'layer-3a.staff-connection': 3.0,
  'layer-3a.pupils': 2.7,
  'layer-3a.parents': 1.5,
  'layer-3a.partners': 1.7,
  'layer-3b.building': 2.4,
  'layer-3b.talent': 2.2,
  'layer-3b.pedagogy': 2.5,
  'layer-3b.stress-relaxation': 1.9,
};

/** What the team agreed on after the autumn round, per aspect, with the reason as the lead wrote it down. */
export const DEMO_CONSENSUS: readonly { aspectId: string; phase: GrowthPhase; rationale: string }[] = [
  { aspectId: 'layer-1.motivation', phase: 3, rationale: 'Iedereen wil ermee verder; in de teamvergadering kwam dat van het hele team.' },
  { aspectId: 'layer-1.knowledge', phase: 2, rationale: 'De basis is bekend, maar nieuwe collega\'s missen nog de teamscholing.' },
  { aspectId: 'layer-1.shared-language', phase: 2, rationale: 'We gebruiken dezelfde woorden nog niet in elke groep.' },
  { aspectId: 'layer-3a.staff-connection', phase: 3, rationale: 'Collega\'s vragen elkaar om hulp en de intervisie loopt goed.' },
  { aspectId: 'layer-3a.parents', phase: 1, rationale: 'Ouders weten nog weinig van onze aanpak; dat pakken we volgend jaar op.' },
  { aspectId: 'layer-3b.stress-relaxation', phase: 2, rationale: 'Er zijn rustplekken, maar het gebruik verschilt per groep.' },
];

/** The aspects the team chose as next goals (each aims at the phase after its consensus). */
export const DEMO_NEXT_GOALS = ['layer-1.knowledge', 'layer-1.shared-language', 'layer-3b.stress-relaxation'] as const;

/** Who owns something in the plan: a demo account (key of DEMO_EMAILS) or a colleague (key). */
export type DemoPerson = 'leadership' | 'tsoLead' | 'teacher' | 'careTeam' | 'lotte' | 'ahmed';

/** One action of the demo plan; `dueInDays` negative with an open status makes it overdue. */
export interface DemoAction {
  title: string;
  owner: DemoPerson;
  dueInDays: number;
  status: 'open' | 'in_progress' | 'done';
  /** For a done action: finished this many days ago. */
  doneDaysAgo?: number;
}

/** The plan's goals (from the autumn round's next goals) with their actions. */
export const DEMO_PLAN_GOALS: readonly { aspectId: (typeof DEMO_NEXT_GOALS)[number]; owner: DemoPerson; status: 'planned' | 'in_progress'; actions: readonly DemoAction[] }[] = [
  {
    aspectId: 'layer-1.knowledge',
    owner: 'tsoLead',
    status: 'in_progress',
    actions: [
      { title: 'Scholing voor nieuwe collega\'s inplannen', owner: 'tsoLead', dueInDays: -8, status: 'done', doneDaysAgo: 10 },
      { title: 'Vakliteratuur in de teamkamer zetten', owner: 'careTeam', dueInDays: 21, status: 'in_progress' },
      { title: 'Elke teamvergadering een casus bespreken', owner: 'leadership', dueInDays: -6, status: 'open' },
    ],
  },
  {
    aspectId: 'layer-1.shared-language',
    owner: 'careTeam',
    status: 'in_progress',
    actions: [
      { title: 'Woordenlijst opstellen: wat zeggen we tegen een kind in stress', owner: 'careTeam', dueInDays: -9, status: 'done', doneDaysAgo: 9 },
      { title: 'Woordenlijst in elke groep ophangen', owner: 'teacher', dueInDays: -3, status: 'in_progress' },
      { title: 'Ouders vertellen over de woorden die we gebruiken', owner: 'leadership', dueInDays: 45, status: 'open' },
    ],
  },
  {
    aspectId: 'layer-3b.stress-relaxation',
    owner: 'teacher',
    status: 'planned',
    actions: [
      { title: 'Een rustplek inrichten in groep 5', owner: 'teacher', dueInDays: -4, status: 'done', doneDaysAgo: 5 },
      { title: 'Ontspanningsoefeningen na de pauze uitproberen', owner: 'lotte', dueInDays: 14, status: 'in_progress' },
      { title: 'Ervaringen met de rustplekken delen in het team', owner: 'ahmed', dueInDays: 35, status: 'open' },
    ],
  },
];

/** The implementation phases, in days from today (the school is preparing now). */
export const DEMO_PHASES = [
  { phase: 'explore', startsDaysAgo: 420, endsDaysAgo: 301 },
  { phase: 'prepare', startsDaysAgo: 300, endsDaysAgo: -60 },
  { phase: 'implement', startsDaysAgo: -59, endsDaysAgo: null },
] as const;

/** The training register: a full-team training, one for new staff and a day with partners. */
export const DEMO_TRAININGS = [
  {
    kind: 'full_team',
    title: 'Teamscholing traumasensitief onderwijs',
    // In the middle of the last school year: the demo's waves lie around it (demo-waves.data.ts).
    heldDaysAgo: 330,
    // Everyone who worked there then, except Rik, who was ill.
    participants: ['leadership', 'tsoLead', 'teacher', 'careTeam', 'schoolAdmin', 'lotte', 'ahmed', 'ellen', 'wendy'],
    partners: [],
  },
  { kind: 'new_staff', title: 'Inwerkscholing voor nieuwe collega\'s', heldDaysAgo: 40, participants: ['tom'], partners: [] },
  {
    kind: 'partner_day',
    title: 'Studiedag met de partners in de wijk',
    heldDaysAgo: 20,
    participants: ['leadership', 'tsoLead', 'careTeam'],
    partners: ['Jeugdteam Voorbeeldstad', 'Kinderopvang De Speeltuin'],
  },
] as const;
