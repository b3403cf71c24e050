import type { Locale } from './roles';

// The pupil page's words for answering a sociogram (issue 15), in plain language a child of 8 reads, short enough to
// be read aloud; written for this project. `{name}`, `{count}`, `{number}`, `{left}` are filled in (fillIn of
// questionnaire-wording.ts).

export const PUPIL_SOCIOGRAM_TEXTS = {
  nl: {
    open: 'Wie kies jij? (sociogram)',
    whoAnswers: 'Wie kiest er nu?',
    tapName: 'Tik op je naam. Daarna krijg je de vragen één voor één.',
    backToCheckin: 'Terug naar de check-in',
    hello: 'Hoi {name}!',
    intro: 'Er komen {count} vragen over kinderen uit je klas. Je kiest bij elke vraag de kinderen die jij wilt. Je mag ook niemand kiezen. Er zijn geen goede of foute antwoorden.',
    whoSees: 'Alleen je juf of meester en de intern begeleider zien wat jij kiest. Je klasgenoten zien het nooit.',
    start: 'Beginnen',
    back: 'Terug',
    questionOf: 'Vraag {number} van {count}',
    readAloud: 'Lees voor',
    search: 'Zoek een naam',
    maxLeft: 'Je mag er nog {left} kiezen.',
    maxReached: 'Je hebt er genoeg gekozen. Wil je iemand anders? Haal dan eerst een vinkje weg.',
    anyNumber: 'Kies zoveel kinderen als je wilt.',
    nobodyOk: 'Wil je niemand kiezen? Dat mag. Tik dan op "Volgende".',
    noMatch: 'Geen naam gevonden.',
    previous: 'Vorige',
    next: 'Volgende',
    finish: 'Klaar',
    saving: 'Je keuzes worden opgeslagen…',
    saved: 'Dank je wel, {name}! Je keuzes zijn opgeslagen.',
    saveFailed: 'Opslaan lukte niet. Probeer het nog eens.',
    tryAgain: 'Opnieuw proberen',
  },
  en: {
    open: 'Who do you choose? (sociogram)',
    whoAnswers: 'Who is choosing now?',
    tapName: 'Tap your name. Then you get the questions one by one.',
    backToCheckin: 'Back to the check-in',
    hello: 'Hi {name}!',
    intro: 'There are {count} questions about children in your class. For each question you choose the children you want. You may also choose nobody. There are no right or wrong answers.',
    whoSees: 'Only your teacher and the school\'s care coordinator see who you choose. Your classmates never see it.',
    start: 'Start',
    back: 'Back',
    questionOf: 'Question {number} of {count}',
    readAloud: 'Read aloud',
    search: 'Search for a name',
    maxLeft: 'You may choose {left} more.',
    maxReached: 'You have chosen enough. Want someone else? Then untick someone first.',
    anyNumber: 'Choose as many children as you like.',
    nobodyOk: 'Do you want to choose nobody? That is fine. Then tap "Next".',
    noMatch: 'No name found.',
    previous: 'Previous',
    next: 'Next',
    finish: 'Done',
    saving: 'Saving your choices…',
    saved: 'Thank you, {name}! Your choices have been saved.',
    saveFailed: 'Saving did not work. Please try again.',
    tryAgain: 'Try again',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type PupilSociogramTexts = (typeof PUPIL_SOCIOGRAM_TEXTS)[Locale];
