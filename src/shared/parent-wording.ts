// The words of the parent page (issue 16), in plain Dutch (B1) and English. The server sends the page the words of
// the parent's language; a school adds a language as a translation file with these keys (any key it leaves out
// shows in Dutch). `{name}`-style placeholders are filled in by the page. Written in our own words.

/** Every text of the parent page, by key. */
export const PARENT_TEXTS_NL = {
  pageTitle: 'Groeiwijzer voor ouders',
  welcome: 'Welkom, {name}',
  intro: 'Hier vindt u wat de school met u wil delen over {children}. Alleen u ziet deze pagina.',
  language: 'Taal',
  languageSave: 'Taal kiezen',
  menuTso: 'Zo werken wij op school',
  menuQuestionnaires: 'Vragenlijsten',
  menuDetails: 'Uw gegevens',
  menuResearch: 'Meedoen aan onderzoek',
  menuConversation: 'Een gesprek aanvragen',
  signOut: 'Afsluiten',
  signedOut: 'U bent afgemeld. Wilt u later verder? Vraag de school om een nieuwe link.',
  back: 'Terug',
  save: 'Opslaan',
  saved: 'Opgeslagen.',
  saveFailed: 'Dat lukte niet. Probeer het nog eens.',
  questionnairesNone: 'Er staan nu geen vragenlijsten voor u klaar.',
  questionnaireAbout: 'Over {child}',
  questionnaireProgress: 'Vraag {current} van {total}',
  questionnaireStart: 'Beginnen',
  questionnaireContinue: 'Verder gaan',
  questionnaireDone: 'Ingevuld',
  questionnaireNext: 'Volgende vraag',
  questionnaireSkip: 'Deze vraag overslaan',
  questionnairePrevious: 'Vorige vraag',
  questionnaireStop: 'Stoppen en later verder',
  questionnaireStopped: 'Uw antwoorden zijn bewaard. U kunt later verder gaan.',
  questionnaireNote: 'Wilt u nog iets vertellen? (mag leeg blijven)',
  questionnaireFinish: 'Klaar',
  questionnaireThanks: 'Dank u wel. Uw antwoorden zijn bewaard.',
  questionnaireAnswered: '{answered} van {total} vragen beantwoord',
  skipAnyQuestion: 'U mag elke vraag overslaan en op elk moment stoppen. Wat u al hebt ingevuld, blijft bewaard.',
  whoSeesCareTeam: 'Alleen het zorgteam van de school ziet uw antwoorden. De leerkracht ziet ze niet.',
  whoSeesTeachers: 'De leerkrachten van uw kind en het zorgteam zien uw antwoorden.',
  consentTitle: 'Eerst uw toestemming',
  consentExplain:
    'Deze vragen gaan over uzelf: wat u hebt meegemaakt en hoe het nu met u gaat. U hoeft ze niet in te vullen. Als u dat wel doet, helpt het de school om u en uw kind beter te begrijpen. Alleen het zorgteam ziet uw antwoorden.',
  consentAgree: 'Ik wil deze vragen invullen en weet wie mijn antwoorden ziet',
  consentGive: 'Doorgaan',
  consentNeeded: 'Zet eerst het vinkje als u wilt doorgaan.',
  detailsIntro: 'Dit zijn de gegevens die de school van u heeft. Klopt er iets niet? Pas het hier aan.',
  detailsName: 'Naam',
  detailsEmail: 'E-mailadres',
  detailsPhone: 'Telefoonnummer',
  detailsInvalidEmail: 'Dit is geen geldig e-mailadres.',
  detailsInvalidPhone: 'Dit telefoonnummer kunnen we niet lezen. Gebruik alleen cijfers, spaties, + en -.',
  researchIntro:
    'De school kijkt samen met onderzoekers of de aanpak werkt. Daarvoor gebruiken zij antwoorden op vragenlijsten, zonder naam. Doet uw kind mee?',
  researchYes: 'Ja, mijn kind mag meedoen',
  researchNo: 'Nee, liever niet',
  researchNow: 'Nu gekozen: {choice}',
  conversationIntro: 'Wilt u met school praten? Schrijf kort waarover. De school neemt contact met u op.',
  conversationAbout: 'Over welk kind?',
  conversationMessage: 'Waarover wilt u praten?',
  conversationSend: 'Aanvraag versturen',
  conversationSent: 'Uw aanvraag is verstuurd. De school neemt contact met u op.',
  conversationOpen: 'U hebt al een aanvraag open staan van {date}.',
  conversationTooMany: 'U hebt al een paar aanvragen open staan. De school neemt contact met u op.',
  conversationEmpty: 'Schrijf kort waarover u wilt praten.',
  sessionEnded: 'Uw sessie is verlopen. Vraag de school om een nieuwe link.',
} as const;

/** A key of the parent page's texts. */
export type ParentTextKey = keyof typeof PARENT_TEXTS_NL;
/** The parent page's texts in one language. */
export type ParentTexts = Record<ParentTextKey, string>;

/** The keys of the parent page's texts, in the order a translation file lists them. */
export const PARENT_TEXT_KEYS = Object.keys(PARENT_TEXTS_NL) as ParentTextKey[];

export const PARENT_TEXTS_EN: ParentTexts = {
  pageTitle: 'Groeiwijzer for parents',
  welcome: 'Welcome, {name}',
  intro: 'Here you find what the school wants to share with you about {children}. Only you see this page.',
  language: 'Language',
  languageSave: 'Choose language',
  menuTso: 'How we work at school',
  menuQuestionnaires: 'Questionnaires',
  menuDetails: 'Your details',
  menuResearch: 'Taking part in research',
  menuConversation: 'Ask for a conversation',
  signOut: 'Close',
  signedOut: 'You have signed out. Want to continue later? Ask the school for a new link.',
  back: 'Back',
  save: 'Save',
  saved: 'Saved.',
  saveFailed: 'That did not work. Please try again.',
  questionnairesNone: 'There are no questionnaires waiting for you now.',
  questionnaireAbout: 'About {child}',
  questionnaireProgress: 'Question {current} of {total}',
  questionnaireStart: 'Start',
  questionnaireContinue: 'Continue',
  questionnaireDone: 'Done',
  questionnaireNext: 'Next question',
  questionnaireSkip: 'Skip this question',
  questionnairePrevious: 'Previous question',
  questionnaireStop: 'Stop and continue later',
  questionnaireStopped: 'Your answers are saved. You can continue later.',
  questionnaireNote: 'Anything else you want to tell us? (may stay empty)',
  questionnaireFinish: 'Finish',
  questionnaireThanks: 'Thank you. Your answers are saved.',
  questionnaireAnswered: '{answered} of {total} questions answered',
  skipAnyQuestion: 'You may skip any question and stop at any time. What you already filled in stays saved.',
  whoSeesCareTeam: "Only the school's care team sees your answers. The teacher does not.",
  whoSeesTeachers: "Your child's teachers and the care team see your answers.",
  consentTitle: 'First your consent',
  consentExplain:
    'These questions are about you: what you went through and how you are doing now. You do not have to answer them. If you do, it helps the school to understand you and your child better. Only the care team sees your answers.',
  consentAgree: 'I want to answer these questions and I know who sees my answers',
  consentGive: 'Continue',
  consentNeeded: 'Tick the box first if you want to continue.',
  detailsIntro: 'These are the details the school has of you. Is something wrong? Correct it here.',
  detailsName: 'Name',
  detailsEmail: 'E-mail address',
  detailsPhone: 'Phone number',
  detailsInvalidEmail: 'This is not a valid e-mail address.',
  detailsInvalidPhone: 'We cannot read this phone number. Use only digits, spaces, + and -.',
  researchIntro:
    'The school and researchers look at whether the approach works. They use answers to questionnaires for that, without names. Does your child take part?',
  researchYes: 'Yes, my child may take part',
  researchNo: 'No, rather not',
  researchNow: 'Chosen now: {choice}',
  conversationIntro: 'Would you like to talk with the school? Write briefly what about. The school will contact you.',
  conversationAbout: 'About which child?',
  conversationMessage: 'What would you like to talk about?',
  conversationSend: 'Send request',
  conversationSent: 'Your request has been sent. The school will contact you.',
  conversationOpen: 'You already have a request open from {date}.',
  conversationTooMany: 'You already have a few requests open. The school will contact you.',
  conversationEmpty: 'Write briefly what you would like to talk about.',
  sessionEnded: 'Your session has ended. Ask the school for a new link.',
};

/** The default page "how we work at school" a school shows parents until it writes its own (our own words). */
export const DEFAULT_TSO_PAGE = {
  nl: `Op onze school werken we traumasensitief. Dat betekent dat we weten dat kinderen soms veel hebben meegemaakt, en dat je dat niet altijd aan de buitenkant ziet.

Stress kan een kind onrustig, boos, stil of moe maken. Dat is geen onwil: het lichaam staat dan "aan". Een kind leert pas goed als het zich veilig voelt.

Daarom zorgen we voor een rustige, voorspelbare dag, voor vaste volwassenen bij wie een kind terecht kan, en leren we kinderen wat ze kunnen doen als het te veel wordt. Elke ochtend laten kinderen weten hoe het met ze gaat.

U kent uw kind het best. We werken graag samen met u, als gelijken. Heeft u vragen of zorgen, of wilt u iets vertellen? Vraag gerust een gesprek aan.`,
  en: `At our school we work in a trauma-sensitive way. This means we know that children have sometimes been through a lot, and that you cannot always see that from the outside.

Stress can make a child restless, angry, quiet or tired. That is not unwillingness: the body is "switched on". A child learns well only when it feels safe.

That is why we offer a calm, predictable day and steady adults a child can turn to, and we teach children what they can do when things get too much. Every morning the children let us know how they are doing.

You know your child best. We like to work together with you, as equals. Do you have questions or worries, or want to tell us something? Feel free to ask for a conversation.`,
} as const;
