import type { ActivityKind, OutOfWindowState } from './regulation';
import type { Locale } from './roles';

// The pupil page's words for the regulation moment after a check-in outside the window (issue 19), written for this
// project: warm, never pushing (the pupil may always say "not now"), in words a child of 8 reads and short enough to
// be read aloud. The youngest (age group `young`) get even simpler words and a picture. The pupil page has no i18n
// library: the words live here per locale, like the questionnaire's (questionnaire-wording.ts). `{name}`, `{minutes}`,
// `{in}`, `{hold}` and `{out}` are filled in with `fillIn`.

export const PUPIL_REGULATION_TEXTS = {
  nl: {
    offer: { too_high: 'Even iets doen om weer rustig te worden?', too_low: 'Even iets doen om weer wakker te worden?' },
    offerYoung: { too_high: 'Even rustig worden?', too_low: 'Even wakker worden?' },
    offerHint: 'Het mag, het hoeft niet.',
    loading: 'Even kijken wat je kunt doen…',
    chooseTitle: 'Wat wil je proberen?',
    chooseIntro: 'Kies er één. Je mag ook "Nu niet" kiezen.',
    chooseIntroYoung: 'Tik op wat je wilt doen.',
    lessThanAMinute: 'Minder dan een minuut',
    aboutAMinute: 'Ongeveer 1 minuut',
    aboutMinutes: 'Ongeveer {minutes} minuten',
    notNow: 'Nu niet',
    nothingTitle: 'Er staat nu niets klaar',
    nothing: 'Wil je toch iets doen? Vraag je juf of meester maar.',
    loadFailedTitle: 'Dat lukte nu niet',
    loadFailed: 'Probeer het straks nog eens, of vraag je juf of meester.',
    readAloud: 'Lees voor',
    stepsTitle: 'Zo doe je het',
    breatheIn: 'Adem in',
    breatheHold: 'Even wachten',
    breatheOut: 'Blaas uit',
    breathingStill: ['Adem in door je neus en tel tot {in}.', 'Wacht even en tel tot {hold}.', 'Blaas langzaam uit en tel tot {out}.'],
    shakeStill: ['Schud 5 keer.', 'Schud 4 keer.', 'Schud 3 keer.', 'Schud 2 keer.', 'Schud 1 keer. Sta dan even stil.'],
    senses: ['5 dingen die je ziet', '4 dingen die je voelt', '3 dingen die je hoort', '2 dingen die je ruikt', '1 ding dat je proeft'],
    done: 'Klaar',
    back: 'Terug',
    helpedTitle: 'Hielp het?',
    helpedHint: 'Er is geen goed of fout antwoord.',
    yes: 'Ja',
    no: 'Nee',
    skip: 'Sla over',
    saving: 'Even opslaan…',
    thanks: 'Dank je wel, {name}. Fijn dat je het geprobeerd hebt.',
    saveFailed: 'Opslaan lukte niet.',
    tryAgain: 'Opnieuw proberen',
  },
  en: {
    offer: { too_high: 'Would you like to do something to feel calm again?', too_low: 'Would you like to do something to wake up again?' },
    offerYoung: { too_high: 'Get calm for a moment?', too_low: 'Wake up for a moment?' },
    offerHint: "You may, you don't have to.",
    loading: 'Finding something for you…',
    chooseTitle: 'What would you like to try?',
    chooseIntro: 'Choose one. You can also choose "Not now".',
    chooseIntroYoung: 'Tap what you would like to do.',
    lessThanAMinute: 'Less than a minute',
    aboutAMinute: 'About 1 minute',
    aboutMinutes: 'About {minutes} minutes',
    notNow: 'Not now',
    nothingTitle: 'Nothing is ready right now',
    nothing: 'Would you still like to do something? Just ask your teacher.',
    loadFailedTitle: 'That did not work right now',
    loadFailed: 'Try again in a little while, or ask your teacher.',
    readAloud: 'Read aloud',
    stepsTitle: 'How to do it',
    breatheIn: 'Breathe in',
    breatheHold: 'Wait a moment',
    breatheOut: 'Blow out',
    breathingStill: ['Breathe in through your nose and count to {in}.', 'Wait a moment and count to {hold}.', 'Blow out slowly and count to {out}.'],
    shakeStill: ['Shake 5 times.', 'Shake 4 times.', 'Shake 3 times.', 'Shake 2 times.', 'Shake 1 time. Then stand still for a moment.'],
    senses: ['5 things you can see', '4 things you can feel', '3 things you can hear', '2 things you can smell', '1 thing you can taste'],
    done: 'Done',
    back: 'Back',
    helpedTitle: 'Did it help?',
    helpedHint: 'There is no right or wrong answer.',
    yes: 'Yes',
    no: 'No',
    skip: 'Skip',
    saving: 'Saving…',
    thanks: 'Thank you, {name}. Good that you gave it a try.',
    saveFailed: 'Saving did not work.',
    tryAgain: 'Try again',
  },
} as const satisfies Record<Locale, Record<string, string | readonly string[] | Record<OutOfWindowState, string>>>;

/** The regulation words of one language. */
export type PupilRegulationTexts = (typeof PUPIL_REGULATION_TEXTS)[Locale];

/** The picture beside the offer for the youngest: a calm tortoise when too high, a busy bee when too low. */
export const OFFER_PICTURES: Readonly<Record<OutOfWindowState, string>> = { too_high: '🐢', too_low: '🐝' };

/** A picture per kind of activity, beside its name (decoration: the name says it). */
export const KIND_PICTURES: Readonly<Record<ActivityKind, string>> = {
  breathing: '🌬️',
  movement: '🤸',
  sensory: '👀',
  'muscle-relaxation': '💪',
  rhythm: '🥁',
  'naming-feeling': '💬',
  reflection: '💭',
  planning: '📝',
};

/** The pictures in front of the five senses of the 5-4-3-2-1 game, in its order: see, feel, hear, smell, taste. */
export const SENSE_PICTURES = ['👀', '✋', '👂', '👃', '👅'] as const;

/** How long an activity takes, in words: under a minute, about one minute, or about so many minutes. */
export function durationWords(texts: PupilRegulationTexts, seconds: number): string {
  if (seconds < 60) return texts.lessThanAMinute;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? texts.aboutAMinute : texts.aboutMinutes.replace('{minutes}', String(minutes));
}
