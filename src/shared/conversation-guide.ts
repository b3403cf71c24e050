// The guide for a pupil conversation (kindgesprek): questions a teacher can start from, in Dutch (the source
// language) and English. Written for Groeiwijzer, in the spirit of trauma-sensitive education: the pupil is the
// expert on themselves, the adult listens first and asks rather than assumes. Plain data, no I/O: the web app
// shows it beside a conversation.

/** One question of the guide, with a short hint for the adult on why it is asked. */
export interface ConversationPrompt {
  id: string;
  question: { nl: string; en: string };
  hint: { nl: string; en: string };
}

/** The questions of the conversation guide, in the order a conversation usually goes. */
export const CONVERSATION_GUIDE: readonly ConversationPrompt[] = [
  {
    id: 'know-about-you',
    question: { nl: 'Wat wil je dat ik over jou weet?', en: 'What would you like me to know about you?' },
    hint: { nl: 'Laat de leerling zelf kiezen waar het gesprek begint.', en: 'Let the pupil choose where the conversation starts.' },
  },
  {
    id: 'good-at',
    question: { nl: 'Waar ben je goed in, op school of daarbuiten?', en: 'What are you good at, at school or outside it?' },
    hint: { nl: 'Begin bij wat lukt: dat geeft houvast voor de rest.', en: 'Start from what works: it gives a footing for the rest.' },
  },
  {
    id: 'good-day',
    question: { nl: 'Hoe ziet een goede dag op school er voor jou uit?', en: 'What does a good day at school look like for you?' },
    hint: { nl: 'Zo hoor je wat je vaker kunt laten gebeuren.', en: 'It tells you what you can make happen more often.' },
  },
  {
    id: 'not-ok-signs',
    question: { nl: 'Hoe kan ik aan je merken dat het niet goed met je gaat?', en: 'How can I tell that you are not doing well?' },
    hint: {
      nl: 'De eigen signalen van de leerling horen in het steun- en signaleringsplan.',
      en: "The pupil's own signs belong in the support-and-signalling plan.",
    },
  },
  {
    id: 'what-helps',
    question: { nl: 'Wat helpt jou als het moeilijk wordt?', en: 'What helps you when things get hard?' },
    hint: { nl: 'Vraag ook naar wat het lichaam helpt: bewegen, een rustige plek, ademen.', en: 'Ask about what helps the body too: moving, a quiet place, breathing.' },
  },
  {
    id: 'not-helping',
    question: { nl: 'Wat helpt juist niet, ook al bedoelen mensen het goed?', en: 'What does not help, even when people mean well?' },
    hint: { nl: 'Zo voorkom je dat goedbedoelde hulp het erger maakt.', en: 'It keeps well-meant help from making things worse.' },
  },
  {
    id: 'who-to-go-to',
    question: { nl: 'Naar wie ga je als je ergens mee zit, op school en thuis?', en: 'Who do you go to when something bothers you, at school and at home?' },
    hint: { nl: 'Een volwassene die de leerling noemt, kan een vertrouwde volwassene worden.', en: 'An adult the pupil names can become a trusted adult.' },
  },
  {
    id: 'school-better',
    question: { nl: 'Wat zou school voor jou fijner maken?', en: 'What would make school better for you?' },
    hint: { nl: 'Neem het antwoord serieus, ook als het klein lijkt.', en: 'Take the answer seriously, even when it seems small.' },
  },
  {
    id: 'what-to-share',
    question: {
      nl: 'Wat van dit gesprek mag ik delen met het zorgteam, en wat blijft tussen ons?',
      en: 'What of this conversation may I share with the care team, and what stays between us?',
    },
    hint: {
      nl: 'Alleen wat de leerling goedvindt gaat naar het zorgteam ("voor het zorgteam").',
      en: 'Only what the pupil agrees to goes to the care team ("for the care team").',
    },
  },
];
