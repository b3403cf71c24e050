import type { AceAnswer, AceInformant } from '../../../shared/aces';
import type { CarePlanContent } from '../care/care.schemas';

// The care team's work with a few fictional pupils of the demo teacher's class at De Vlinderboom, so a new user sees
// a care file and the care overview filled. Every name, sign and event is made up; any likeness is chance.

/** One demo pupil's care: by position in the demo teacher's class (sorted by last and first name). */
export interface DemoCarePupil {
  pupilIndex: number;
  /** The trusted adult: a demo account key, with the pupil's own words. */
  trustedAdult: { key: 'teacher' | 'careTeam'; why: string };
  plan: { content: CarePlanContent; madeDaysAgo: number; reviewInDays: number };
  aces: { informant: AceInformant; daysAgo: number; answers: [string, AceAnswer][] }[];
  screening?: { instrumentId: string; informant: 'pupil' | 'parent'; daysAgo: number; answers: Record<string, number> };
}

export const DEMO_CARE_PUPILS: readonly DemoCarePupil[] = [
  {
    pupilIndex: 2,
    trustedAdult: { key: 'teacher', why: 'Juf ziet het meteen als ik een rotochtend heb en vraagt dan of ik even mee wil lopen.' },
    plan: {
      madeDaysAgo: 40,
      reviewInDays: 45,
      content: {
        earlySigns: 'Wordt heel stil, kijkt naar de deur, friemelt aan de mouwen van de trui.',
        bottomUpHelps: ['movement', 'quiet-place'],
        bottomUp: 'Een boodschap naar de conciërge brengen; daarna even op de leesbank bij het raam.',
        topDown: 'Als het weer rustig is samen benoemen wat er gebeurde, zonder te vragen "waarom".',
        notHelping: 'Voor de klas aangesproken worden of een verrassing zonder aankondiging.',
        agreements: 'Mag het groene kaartje op tafel leggen; dan komt juf zo snel mogelijk even langs.',
        whoToCall: 'Eerst de intern begeleider, daarna oma (zij haalt hem op dinsdag en donderdag).',
        madeWith: 'Met de leerling, oma en de leerkracht, in het oudergesprek van oktober.',
        keyPeople: [{ relation: 'carer', name: 'Oma' }, { relation: 'coach', name: 'Trainer van de judoclub' }],
      },
    },
    aces: [
      { informant: 'file', daysAgo: 60, answers: [['parental-separation', 'yes'], ['household-substance-abuse', 'unknown']] },
      // The parent informant's answers come from the mother's ACE questionnaire on her parent page (demo-parents.seed.ts).
      { informant: 'pupil', daysAgo: 30, answers: [['bullying', 'yes'], ['death-of-a-loved-one', 'no']] },
    ],
    // 5 + 5 + 3 + 3 + 1 + 0 + 0 + 0 = 17 points: just at the CRIES-8 cut-off.
    screening: { instrumentId: 'cries-8', informant: 'pupil', daysAgo: 20, answers: { '1': 3, '2': 3, '3': 2, '4': 2, '5': 1, '6': 0, '7': 0, '8': 0 } },
  },
  {
    pupilIndex: 5,
    trustedAdult: { key: 'careTeam', why: 'Bij haar mag ik gewoon even zitten zonder dat ik iets hoef te zeggen.' },
    plan: {
      madeDaysAgo: 120,
      // The review date has passed: the care overview shows it.
      reviewInDays: -10,
      content: {
        earlySigns: 'Praat harder en sneller, loopt door de klas, maakt grapjes die net te ver gaan.',
        bottomUpHelps: ['breathing', 'sensory'],
        bottomUp: 'De stressbal uit het bakje; samen vier tellen in en zes tellen uit.',
        topDown: 'Kort benoemen: "Ik zie dat het druk wordt in je hoofd."',
        notHelping: 'Een straf op het moment zelf; dan loopt het verder op.',
        agreements: 'Na de pauze eerst vijf minuten tekenen voordat de les begint.',
        whoToCall: 'Moeder (overdag bereikbaar), anders de intern begeleider.',
        madeWith: 'Met de leerling en moeder, vorig schooljaar; nog niet opnieuw bekeken.',
        keyPeople: [{ relation: 'parent', name: 'Moeder' }],
      },
    },
    aces: [{ informant: 'file', daysAgo: 100, answers: [['poverty', 'yes'], ['household-mental-illness', 'unknown']] }],
  },
  {
    pupilIndex: 8,
    trustedAdult: { key: 'teacher', why: 'Hij legt het nog een keer uit zonder zuchten.' },
    plan: {
      madeDaysAgo: 15,
      reviewInDays: 75,
      content: {
        earlySigns: 'Trekt de capuchon over het hoofd en legt het hoofd op tafel.',
        bottomUpHelps: ['movement'],
        bottomUp: 'Een rondje over het plein met een klasgenoot die hij zelf kiest.',
        topDown: '',
        notHelping: 'Aandringen op oogcontact.',
        agreements: '',
        whoToCall: 'Vader, daarna de intern begeleider.',
        madeWith: 'Met de leerling en vader.',
        keyPeople: [{ relation: 'parent', name: 'Vader' }, { relation: 'youth-worker' }],
      },
    },
    aces: [],
    // Below the CATS bands for raised symptoms: 14 points.
    screening: { instrumentId: 'cats', informant: 'parent', daysAgo: 10, answers: Object.fromEntries(Array.from({ length: 20 }, (_, index) => [String(index + 1), index < 7 ? 2 : 0])) },
  },
];
