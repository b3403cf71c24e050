import type { Locale } from './roles';

// The pupil page's words for answering a questionnaire (issue 13), written for this project in plain language
// a child of 8 reads, and short enough to be read aloud. The pupil page has no i18n library: they live here per
// locale, like the check-in's words (checkin-wording.ts). `{name}`, `{count}`, `{number}`, `{answer}` are filled in.

export const PUPIL_QUESTIONNAIRE_TEXTS = {
  nl: {
    open: 'Vragenlijst invullen',
    whoAnswers: 'Wie vult de vragenlijst in?',
    tapName: 'Tik op je naam. Daarna krijg je de vragen één voor één.',
    backToCheckin: 'Terug naar de check-in',
    hello: 'Hoi {name}!',
    intro: 'Er komen {count} vragen over hoe het voor jou is in de klas. Er zijn geen goede of foute antwoorden. Wil je een vraag of antwoord horen? Tik dan op "Lees voor".',
    whoSees: 'Je juf of meester ziet niet wat jij antwoordt, alleen wat de klas samen vindt.',
    start: 'Beginnen',
    back: 'Terug',
    questionOf: 'Vraag {number} van {count}',
    readAloud: 'Lees voor',
    readAnswerAloud: 'Lees voor: {answer}',
    previous: 'Vorige',
    next: 'Volgende',
    finish: 'Klaar',
    mayskip: 'Weet je het niet? Dan mag je de vraag overslaan.',
    saving: 'Je antwoorden worden opgeslagen…',
    saved: 'Dank je wel, {name}! Je antwoorden zijn opgeslagen.',
    saveFailed: 'Opslaan lukte niet. Probeer het nog eens.',
    tryAgain: 'Opnieuw proberen',
  },
  en: {
    open: 'Fill in a questionnaire',
    whoAnswers: 'Who is filling in the questionnaire?',
    tapName: 'Tap your name. Then you get the questions one by one.',
    backToCheckin: 'Back to the check-in',
    hello: 'Hi {name}!',
    intro: 'There are {count} questions about how things are for you in class. There are no right or wrong answers. Want to hear a question or an answer? Tap "Read aloud".',
    whoSees: 'Your teacher does not see what you answer, only what the class thinks together.',
    start: 'Start',
    back: 'Back',
    questionOf: 'Question {number} of {count}',
    readAloud: 'Read aloud',
    readAnswerAloud: 'Read aloud: {answer}',
    previous: 'Previous',
    next: 'Next',
    finish: 'Done',
    mayskip: "Don't know? Then you may skip the question.",
    saving: 'Saving your answers…',
    saved: 'Thank you, {name}! Your answers have been saved.',
    saveFailed: 'Saving did not work. Please try again.',
    tryAgain: 'Try again',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type PupilQuestionnaireTexts = (typeof PUPIL_QUESTIONNAIRE_TEXTS)[Locale];

/** A text with its `{placeholders}` filled in. */
export function fillIn(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
