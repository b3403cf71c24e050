// The contact log with a pupil's parents and carers (issue 16): the words both sides use. The server validates with
// them, the web shows them. The guide for the enrolment conversation (intakegesprek) is written for Groeiwijzer in
// the spirit of trauma-sensitive education: the school takes the first step, listens without judging, and treats
// parents as equal partners who know their child best. Plain data, no I/O.

/** How a contact took place: by phone, a home visit, at school, by video call, or otherwise. */
export const PARENT_CONTACT_KINDS = ['phone', 'visit', 'at_school', 'video', 'other'] as const;
/** One way a contact took place. */
export type ParentContactKind = (typeof PARENT_CONTACT_KINDS)[number];

/** The self-scan aspect the contact log is evidence for: relationships with parents and carers (layer 3A). */
export const PARENT_CONTACTS_ASPECT_ID = 'layer-3a.parents';

/** "A contact lately" in the evidence: a contact held in the last this many months (school calendar). */
export const RECENT_CONTACT_MONTHS = 3;

/** The longest texts of a contact: with whom, the topic (one line each), the short note and the care team's notes. */
export const PARENT_CONTACT_LIMITS = { withWhom: 120, topic: 200, note: 2000, careNotes: 8000 } as const;

/** One prompt of the enrolment conversation guide, with a short hint for the staff member on why it is asked. */
export interface EnrolmentPrompt {
  id: string;
  prompt: { nl: string; en: string };
  hint: { nl: string; en: string };
}

/**
 * The guide for the enrolment conversation about the life course of the pupil and the parents, in the order such a
 * conversation usually goes. Prompts to start from, not a questionnaire: the parents decide what they tell.
 */
export const ENROLMENT_CONVERSATION_GUIDE: readonly EnrolmentPrompt[] = [
  {
    id: 'child-story',
    prompt: {
      nl: 'Vertel eens over uw kind: hoe is het tot nu toe gegaan, van klein af aan?',
      en: 'Tell us about your child: how have things gone so far, from when they were little?',
    },
    hint: {
      nl: 'Begin bij het kind en bij wat goed gaat. De ouders kennen hun kind het langst.',
      en: 'Start with the child and with what goes well. The parents have known their child the longest.',
    },
  },
  {
    id: 'family-events',
    prompt: {
      nl: 'Zijn er in het gezin dingen gebeurd die veel indruk hebben gemaakt, op uw kind of op u?',
      en: 'Have things happened in the family that made a deep impression, on your child or on you?',
    },
    hint: {
      nl: 'Denk aan een verhuizing, een scheiding, ziekte, het overlijden van iemand dierbaar, geldzorgen. Vraag open en oordeel niet.',
      en: 'Think of a move, a separation, illness, the death of a loved one, money worries. Ask openly and do not judge.',
    },
  },
  {
    id: 'parents-own-story',
    prompt: {
      nl: 'Wat heeft u zelf meegemaakt dat u ons wilt vertellen? Alleen als u dat wilt.',
      en: 'Is there anything you went through yourself that you would like us to know? Only if you want to.',
    },
    hint: {
      nl: 'Veel ouders dragen zelf een zware geschiedenis mee. Zeg erbij dat niets hoeft, en dat het helpt om elkaar te begrijpen.',
      en: 'Many parents carry a heavy history of their own. Say that nothing is required, and that it helps to understand each other.',
    },
  },
  {
    id: 'earlier-schools',
    prompt: {
      nl: 'Op welke scholen zat uw kind eerder, en met welke hulpverleners had u contact? Hoe ging dat?',
      en: 'Which schools did your child go to before, and which care workers were you in touch with? How did that go?',
    },
    hint: {
      nl: 'Vaak zijn er al veel wisselingen geweest. Vraag ook wat teleurstelde: dan weet u wat deze keer anders moet.',
      en: 'Often there have been many changes already. Ask what disappointed them too: then you know what must go differently this time.',
    },
  },
  {
    id: 'what-helps-at-home',
    prompt: {
      nl: 'Wat helpt uw kind thuis als het moeilijk wordt? En wat werkt juist niet?',
      en: 'What helps your child at home when things get hard? And what does not work?',
    },
    hint: {
      nl: 'Wat thuis werkt, kan op school ook werken. Neem het mee naar het steun- en signaleringsplan.',
      en: 'What works at home may work at school too. Take it to the support-and-signalling plan.',
    },
  },
  {
    id: 'hopes',
    prompt: {
      nl: 'Wat hoopt u voor uw kind, hier op school en daarna?',
      en: 'What do you hope for your child, here at school and after?',
    },
    hint: {
      nl: 'Zo hoort u wat de ouders belangrijk vinden, en kunt u samen een doel kiezen.',
      en: 'It tells you what matters to the parents, so you can choose a goal together.',
    },
  },
  {
    id: 'keeping-in-touch',
    prompt: {
      nl: 'Hoe wilt u op de hoogte blijven, en hoe vaak? Bij wie kunt u terecht als er iets is?',
      en: 'How would you like to be kept informed, and how often? Who can you turn to when something comes up?',
    },
    hint: {
      nl: 'Spreek af wie het vaste aanspreekpunt is, en deel ook goed nieuws, niet alleen zorgen.',
      en: 'Agree on one fixed contact person, and share good news too, not only worries.',
    },
  },
];
