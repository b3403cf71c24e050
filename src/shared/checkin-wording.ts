import type { AgeGroup, CheckinState } from './checkin';
import type { Locale, SchoolKind } from './roles';

// The default words of the daily check-in, written for this project. The pupil page has no i18n
// library (it must stay light), so its texts live here per locale and reach it through the form.
// The picture is the window of tolerance: inside it calm and able to learn; above it restless,
// angry or alarmed; below it withdrawn, empty or "gone".

/** The words for one state: a short label and a hint under it. */
export interface StateWords {
  label: string;
  hint: string;
}

/**
 * The picture symbol the pupil page draws for each state (shown to young pupils, available to all):
 * a sun for inside the window, wind and a thunderstorm for above it, fog for below it.
 */
export const STATE_SYMBOLS: Record<CheckinState, string> = {
  in_window: 'sun',
  bit_high: 'wind',
  far_high: 'thunderstorm',
  low: 'fog',
};

/** Default words per age group, state and language; a school may replace a label (table checkin_wording). */
export const DEFAULT_STATE_WORDS: Record<AgeGroup, Record<CheckinState, Record<Locale, StateWords>>> = {
  // Groep 1–3: very short words a young child knows, with the picture doing most of the work.
  young: {
    in_window: {
      nl: { label: 'Zonnig', hint: 'Ik voel me rustig en kan fijn spelen en leren.' },
      en: { label: 'Sunny', hint: 'I feel calm and I can play and learn.' },
    },
    bit_high: {
      nl: { label: 'Het waait', hint: 'Mijn lijf is een beetje druk of kriebelig.' },
      en: { label: 'Windy', hint: 'My body feels a bit busy or fidgety.' },
    },
    far_high: {
      nl: { label: 'Onweer', hint: 'Ik ben heel boos, bang of wild van binnen.' },
      en: { label: 'Thunderstorm', hint: 'I feel very angry, scared or wild inside.' },
    },
    low: {
      nl: { label: 'Mist', hint: 'Ik ben stil, moe of een beetje weg.' },
      en: { label: 'Foggy', hint: 'I feel quiet, tired or a bit far away.' },
    },
  },
  // Groep 4–8: the window itself becomes the word pupils learn to use.
  middle: {
    in_window: {
      nl: { label: 'In mijn raampje', hint: 'Ik ben rustig en kan me goed concentreren.' },
      en: { label: 'In my window', hint: 'I am calm and can focus well.' },
    },
    bit_high: {
      nl: { label: 'Net boven mijn raampje', hint: 'Ik ben wat onrustig, gespannen of snel geprikkeld.' },
      en: { label: 'Just above my window', hint: 'I am a bit restless, tense or easily annoyed.' },
    },
    far_high: {
      nl: { label: 'Ver boven mijn raampje', hint: 'Ik ben heel boos, bang of op scherp.' },
      en: { label: 'Far above my window', hint: 'I am very angry, scared or on high alert.' },
    },
    low: {
      nl: { label: 'Onder mijn raampje', hint: 'Ik voel me leeg, moe of met mijn hoofd ergens anders.' },
      en: { label: 'Below my window', hint: 'I feel empty, tired or my mind is somewhere else.' },
    },
  },
  // Secondary: plain words without a childish image.
  older: {
    in_window: {
      nl: { label: 'Goed in balans', hint: 'Rustig genoeg om te werken en op te letten.' },
      en: { label: 'Balanced', hint: 'Calm enough to work and pay attention.' },
    },
    bit_high: {
      nl: { label: 'Wat opgefokt', hint: 'Onrustig, gespannen of snel geïrriteerd.' },
      en: { label: 'A bit wound up', hint: 'Restless, tense or quickly irritated.' },
    },
    far_high: {
      nl: { label: 'Flink op scherp', hint: 'Boos, gealarmeerd of in paniek.' },
      en: { label: 'Really on edge', hint: 'Angry, alarmed or panicking.' },
    },
    low: {
      nl: { label: 'Uitgeschakeld', hint: 'Leeg, vlak of er niet echt bij.' },
      en: { label: 'Switched off', hint: 'Empty, flat or not really here.' },
    },
  },
};

/** The age group a class gets until a teacher chooses one: by the kind of school. */
export function defaultAgeGroupOf(schoolKind: SchoolKind | string): AgeGroup {
  return schoolKind === 'secondary' || schoolKind === 'special_secondary' ? 'older' : 'middle';
}

/** The keys of the pupil page's fixed texts; the pupil page relies on exactly these. */
export const PUPIL_TEXT_KEYS = [
  'pageTitle',
  'kioskPageTitle',
  'question',
  'talkToggle',
  'wordLabel',
  'wordHint',
  'submit',
  'sending',
  'sent',
  'sentAgain',
  'retrying',
  'failed',
  'alreadyToday',
  'checkInAgain',
  'kioskWhoAreYou',
  'kioskTapName',
  'kioskCheckedIn',
  'kioskBack',
  'kioskNoPupils',
  'kioskClosed',
  'kioskChooseSymbolTitle',
  'kioskChooseSymbolIntro',
  'kioskSkipSymbol',
  'kioskCloseOpen',
  'kioskCloseTitle',
  'kioskCloseIntro',
  'kioskCloseHold',
  'kioskCloseHolding',
  'kioskCloseDone',
  'kioskCloseFailed',
  'signInTitle',
  'signInIntro',
  'classCodeLabel',
  'classCodeHint',
  'personalCodeLabel',
  'personalCodeHint',
  'signIn',
  'signInFailed',
  'tooManyTries',
  'sessionEnded',
  'signOut',
  'signedOut',
  'whoSeesTitle',
  'whoSees',
] as const;

/** One fixed text of the pupil page. */
export type PupilTextKey = (typeof PUPIL_TEXT_KEYS)[number];

/** The pupil page's fixed texts per language. */
export const PUPIL_TEXTS: Record<Locale, Record<PupilTextKey, string>> = {
  nl: {
    pageTitle: 'Hoe gaat het met je?',
    kioskPageTitle: 'Check-in van de klas',
    question: 'Hoe voel je je nu?',
    talkToggle: 'Ik wil graag even praten met mijn leerkracht',
    wordLabel: 'Eén woord of emoji (mag je overslaan)',
    wordHint: 'Alleen je leerkracht kan dit lezen.',
    submit: 'Versturen',
    sending: 'Bezig met versturen…',
    sent: 'Gelukt! Je check-in is binnen.',
    sentAgain: 'Die check-in was al binnen.',
    retrying: 'Nog niet verstuurd. We proberen het opnieuw…',
    failed: 'Versturen lukt niet. Vraag je leerkracht om hulp.',
    alreadyToday: 'Je hebt vandaag al ingecheckt. Je mag het nog een keer doen.',
    checkInAgain: 'Opnieuw inchecken',
    kioskWhoAreYou: 'Wie ben jij?',
    kioskTapName: 'Tik op je naam.',
    kioskCheckedIn: 'al gedaan',
    kioskBack: 'Terug naar de namen',
    kioskNoPupils: 'Er staan nog geen leerlingen in deze klas.',
    kioskClosed: 'De check-in op dit scherm is gestopt. Vraag je leerkracht om hem opnieuw te openen.',
    kioskChooseSymbolTitle: 'Kies jouw plaatje',
    kioskChooseSymbolIntro: 'Dit plaatje komt naast je naam. Zo vind je jezelf de volgende keer snel terug.',
    kioskSkipSymbol: 'Nu niet',
    kioskCloseOpen: 'Check-in sluiten (leerkracht)',
    kioskCloseTitle: 'Check-in op dit scherm sluiten?',
    kioskCloseIntro: 'Alleen voor de leerkracht. Houd de knop hieronder 3 seconden ingedrukt. Daarna kan hier niemand meer inchecken, tot de check-in opnieuw wordt geopend.',
    kioskCloseHold: 'Ingedrukt houden om te sluiten',
    kioskCloseHolding: 'Blijf vasthouden…',
    kioskCloseDone: 'De check-in op dit scherm is gesloten.',
    kioskCloseFailed: 'Sluiten lukte niet. Probeer het nog een keer.',
    signInTitle: 'Inloggen voor de check-in',
    signInIntro: 'Vul de klascode van het bord in en de code van je eigen kaart.',
    classCodeLabel: 'Klascode',
    classCodeHint: '6 tekens, staat op het bord.',
    personalCodeLabel: 'Jouw persoonlijke code',
    personalCodeHint: '8 tekens, staat op je inlogkaart.',
    signIn: 'Inloggen',
    signInFailed: 'Deze codes passen niet bij elkaar. Kijk nog eens goed of vraag je leerkracht.',
    tooManyTries: 'Even wachten: er is te vaak geprobeerd. Probeer het over een minuut weer.',
    sessionEnded: 'Je bent niet meer ingelogd. Log opnieuw in met de klascode en je kaart.',
    signOut: 'Uitloggen',
    signedOut: 'Je bent uitgelogd. Tot de volgende keer!',
    whoSeesTitle: 'Wie ziet wat ik invul?',
    whoSees:
      'Je juf of meester ziet hoe het met je gaat, of je wilt praten en je woord. De mensen op school die kinderen extra helpen, het zorgteam, kunnen het ook zien. Andere kinderen zien het niet. Na een tijd wordt het weer gewist.',
  },
  en: {
    pageTitle: 'How are you doing?',
    kioskPageTitle: 'Class check-in',
    question: 'How do you feel right now?',
    talkToggle: 'I would like to talk with my teacher',
    wordLabel: 'One word or emoji (you may skip this)',
    wordHint: 'Only your teacher can read this.',
    submit: 'Send',
    sending: 'Sending…',
    sent: 'Done! Your check-in has arrived.',
    sentAgain: 'That check-in had already arrived.',
    retrying: 'Not sent yet. Trying again…',
    failed: 'Sending does not work. Ask your teacher for help.',
    alreadyToday: 'You already checked in today. You may do it once more.',
    checkInAgain: 'Check in again',
    kioskWhoAreYou: 'Who are you?',
    kioskTapName: 'Tap your name.',
    kioskCheckedIn: 'done',
    kioskBack: 'Back to the names',
    kioskNoPupils: 'There are no pupils in this class yet.',
    kioskClosed: 'Check-in on this screen has stopped. Ask your teacher to open it again.',
    kioskChooseSymbolTitle: 'Choose your picture',
    kioskChooseSymbolIntro: 'This picture goes next to your name, so you quickly find yourself next time.',
    kioskSkipSymbol: 'Not now',
    kioskCloseOpen: 'Close check-in (teacher)',
    kioskCloseTitle: 'Close the check-in on this screen?',
    kioskCloseIntro: 'For the teacher only. Hold the button below for 3 seconds. After that nobody can check in here until the check-in is opened again.',
    kioskCloseHold: 'Hold to close',
    kioskCloseHolding: 'Keep holding…',
    kioskCloseDone: 'Check-in on this screen is closed.',
    kioskCloseFailed: 'Closing did not work. Please try again.',
    signInTitle: 'Sign in for the check-in',
    signInIntro: 'Enter the class code from the board and the code on your own card.',
    classCodeLabel: 'Class code',
    classCodeHint: '6 characters, shown on the board.',
    personalCodeLabel: 'Your personal code',
    personalCodeHint: '8 characters, printed on your login card.',
    signIn: 'Sign in',
    signInFailed: 'These codes do not match. Have another look or ask your teacher.',
    tooManyTries: 'Please wait: there were too many tries. Try again in a minute.',
    sessionEnded: 'You are no longer signed in. Sign in again with the class code and your card.',
    signOut: 'Sign out',
    signedOut: 'You are signed out. See you next time!',
    whoSeesTitle: 'Who sees what I fill in?',
    whoSees:
      'Your teacher sees how you are doing, whether you want to talk and your word. The people at school who give children extra help, the care team, can see it too. Other children cannot see it. After a while it is deleted.',
  },
};
