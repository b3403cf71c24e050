// The meldcode (Dutch reporting code for domestic violence and child abuse): the five steps a school takes with a
// worry about a pupil's safety at home, and how a case can end. Written for Groeiwijzer in our own words; the
// legal text is the government's. Plain data, no I/O: the server checks step numbers and outcomes with it, the web
// app shows the names and explanations.

/** The step numbers of a meldcode case, in order. */
export const MELDCODE_STEPS = [1, 2, 3, 4, 5] as const;
/** One step number. */
export type MeldcodeStepNumber = (typeof MELDCODE_STEPS)[number];

/** How a case ends: help offered, a report to Veilig Thuis, both, or the worry turned out unfounded. */
export const MELDCODE_OUTCOMES = ['help_offered', 'reported', 'reported_and_help', 'no_concern'] as const;
/** One outcome of a closed case. */
export type MeldcodeOutcome = (typeof MELDCODE_OUTCOMES)[number];

/** A step's name and a one-line explanation, in Dutch (the source language) and English. */
export interface MeldcodeStep {
  step: MeldcodeStepNumber;
  name: { nl: string; en: string };
  explanation: { nl: string; en: string };
}

/** The five steps of the meldcode. */
export const MELDCODE_STEP_TEXTS: readonly MeldcodeStep[] = [
  {
    step: 1,
    name: { nl: 'Signalen in kaart brengen', en: 'Map the signs' },
    explanation: {
      nl: 'Schrijf feitelijk op wat je ziet en hoort, met datum en wie het zag; nog zonder conclusie.',
      en: 'Write down what you see and hear as facts, with the date and who noticed it; no conclusion yet.',
    },
  },
  {
    step: 2,
    name: { nl: 'Collegiale consultatie en zo nodig Veilig Thuis', en: 'Consult a colleague and, if needed, Veilig Thuis' },
    explanation: {
      nl: 'Bespreek de signalen met de aandachtsfunctionaris of een collega, en vraag zo nodig Veilig Thuis om advies.',
      en: "Talk the signs over with the school's attention officer or a colleague, and ask Veilig Thuis for advice if needed.",
    },
  },
  {
    step: 3,
    name: { nl: 'Gesprek met de leerling en de ouders', en: 'Talk with the pupil and the parents' },
    explanation: {
      nl: 'Vertel wat je zag, luister naar hun kant en leg vast wat er gezegd is — tenzij een gesprek de veiligheid in gevaar brengt.',
      en: 'Say what you noticed, listen to their side and record what was said — unless talking would put someone at risk.',
    },
  },
  {
    step: 4,
    name: { nl: 'Wegen met het afwegingskader', en: 'Weigh the concern with the assessment framework' },
    explanation: {
      nl: 'Beoordeel met het afwegingskader of er een vermoeden van onveiligheid is en of melden nodig is.',
      en: 'Use the assessment framework to judge whether there is a suspicion of an unsafe situation and whether a report is needed.',
    },
  },
  {
    step: 5,
    name: { nl: 'Beslissen: hulp organiseren en/of melden', en: 'Decide: arrange help and/or report' },
    explanation: {
      nl: 'Besluit of de school zelf hulp kan bieden of organiseren, en of er een melding bij Veilig Thuis komt.',
      en: 'Decide whether the school can offer or arrange help itself, and whether to report to Veilig Thuis.',
    },
  },
];
