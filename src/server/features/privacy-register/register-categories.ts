// The categories of the processing register (AVG art. 30): what kind of data a table holds, why the school board
// processes it and on which legal basis. Written as a Dutch school board's register would: the board is the
// controller (verwerkingsverantwoordelijke), Groeiwijzer is the software the board runs. The tables of each category
// are in register-tables.ts.

/** A text in both languages of the app. */
export interface BilingualText {
  nl: string;
  en: string;
}

/** The categories of data, in the order the register shows them. */
export const REGISTER_CATEGORIES = [
  'pupil_identity',
  'pupil_checkin',
  'pupil_development',
  'special_care',
  'parent_contact',
  'staff',
  'school_organisation',
  'research',
  'audit',
  'mail',
  'anonymous_counts',
  'reference',
  'technical',
] as const;

/** One category of data in the register. */
export type RegisterCategory = (typeof REGISTER_CATEGORIES)[number];

/** What the register says of a category: its name, the purpose, the legal basis, and whether it is special-category data. */
export interface CategoryDescription {
  name: BilingualText;
  purpose: BilingualText;
  legalBasis: BilingualText;
  /** Special-category data (AVG art. 9) or data treated with the same care (child abuse, ACEs). */
  isSpecial: boolean;
}

const PUBLIC_TASK = {
  nl: 'AVG art. 6 lid 1 sub e: taak van algemeen belang (het geven van onderwijs en de zorgplicht van de school, Wet op het primair onderwijs).',
  en: 'GDPR art. 6(1)(e): task in the public interest (providing education and the school’s duty of care, Dutch Primary Education Act).',
};

/** Purpose and legal basis per category. */
export const CATEGORY_DESCRIPTIONS: Record<RegisterCategory, CategoryDescription> = {
  pupil_identity: {
    name: { nl: 'Leerling: identiteit en klas', en: 'Pupil: identity and class' },
    purpose: {
      nl: 'Weten welke leerlingen in welke klas zitten, zodat leerkrachten alleen hun eigen leerlingen zien en leerlingen kunnen inloggen.',
      en: 'Knowing which pupils are in which class, so teachers see only their own pupils and pupils can sign in.',
    },
    legalBasis: PUBLIC_TASK,
    isSpecial: false,
  },
  pupil_checkin: {
    name: { nl: 'Leerling: dagelijkse check-in (hoe voel je je)', en: 'Pupil: daily check-in (how do you feel)' },
    purpose: {
      nl: 'Signaleren hoe het met een leerling gaat en op tijd een gesprek aanbieden; zicht op de sociale veiligheid in de klas.',
      en: 'Noticing how a pupil is doing and offering a talk in time; insight into social safety in the class.',
    },
    legalBasis: {
      nl: 'AVG art. 6 lid 1 sub e: taak van algemeen belang; de school zorgt voor de sociale veiligheid van leerlingen en volgt die (art. 4c Wet op het primair onderwijs).',
      en: 'GDPR art. 6(1)(e): task in the public interest; the school looks after and monitors its pupils’ social safety (art. 4c Dutch Primary Education Act).',
    },
    isSpecial: false,
  },
  pupil_development: {
    name: { nl: 'Leerling: vragenlijsten, sociogram, groep en regulatie', en: 'Pupil: questionnaires, sociogram, group and regulation' },
    purpose: {
      nl: 'De groepsdynamiek en het welbevinden van leerlingen volgen, passende steun in de klas kiezen en het effect van de aanpak meten.',
      en: 'Following group dynamics and pupils’ wellbeing, choosing fitting support in class and measuring the effect of the approach.',
    },
    legalBasis: {
      nl: 'AVG art. 6 lid 1 sub e: taak van algemeen belang (onderwijs, zorgplicht en monitoring van sociale veiligheid, art. 4c Wet op het primair onderwijs).',
      en: 'GDPR art. 6(1)(e): task in the public interest (education, duty of care and monitoring social safety, art. 4c Dutch Primary Education Act).',
    },
    isSpecial: false,
  },
  special_care: {
    name: { nl: 'Bijzonder: zorg, ingrijpende jeugdervaringen en gezondheid', en: 'Special: care, adverse childhood experiences and health' },
    purpose: {
      nl: 'De zorg voor één leerling: vertrouwde volwassenen, het steun- en signaleringsplan, ingrijpende jeugdervaringen, screenings, gesprekken, verwijzingen en de meldcode.',
      en: 'The care of one pupil: trusted adults, the support plan, adverse childhood experiences, screenings, conversations, referrals and the reporting code.',
    },
    legalBasis: {
      nl: 'AVG art. 6 lid 1 sub e, en art. 9 lid 2 AVG met art. 30 UAVG: een school mag gezondheidsgegevens verwerken voor zover nodig voor de speciale begeleiding van een leerling. De meldcode: art. 6 lid 1 sub c (Wet verplichte meldcode huiselijk geweld en kindermishandeling).',
      en: 'GDPR art. 6(1)(e), and GDPR art. 9(2) with art. 30 of the Dutch GDPR Implementation Act: a school may process health data as far as needed for a pupil’s special guidance. The reporting code: art. 6(1)(c) (Dutch Mandatory Reporting Code Act).',
    },
    isSpecial: true,
  },
  parent_contact: {
    name: { nl: 'Ouders en verzorgers', en: 'Parents and carers' },
    purpose: {
      nl: 'Contact met ouders: uitnodigen met een eenmalige link, vragenlijsten, gespreksverzoeken en het contactlogboek vanaf de intake.',
      en: 'Contact with parents: inviting them by a one-time link, questionnaires, conversation requests and the contact log from enrolment on.',
    },
    legalBasis: PUBLIC_TASK,
    isSpecial: false,
  },
  staff: {
    name: { nl: 'Personeel', en: 'Staff' },
    purpose: {
      nl: 'Accounts, rollen en toegang van medewerkers; de zelfscan, inwerken, bekwaamheid, intervisie en het eigen reflectiejournaal.',
      en: 'Staff accounts, roles and access; the self-scan, onboarding, competence, intervision and the private reflection journal.',
    },
    legalBasis: {
      nl: 'AVG art. 6 lid 1 sub e (onderwijs) en sub c: de school houdt de bekwaamheid van haar personeel bij (art. 32b Wet op het primair onderwijs).',
      en: 'GDPR art. 6(1)(e) (education) and (c): the school keeps its staff’s competence up to date (art. 32b Dutch Primary Education Act).',
    },
    isSpecial: false,
  },
  school_organisation: {
    name: { nl: 'Schoolorganisatie en het TSO-plan', en: 'School organisation and the TSO plan' },
    purpose: {
      nl: 'De structuur van bestuur en scholen, het implementatieplan, het scholingsregister en de partners; hierin staan namen van medewerkers en contactpersonen.',
      en: 'The structure of board and schools, the implementation plan, the training register and the partners; these name staff and contact persons.',
    },
    legalBasis: PUBLIC_TASK,
    isSpecial: false,
  },
  research: {
    name: { nl: 'Onderzoek (gepseudonimiseerd)', en: 'Research (pseudonymised)' },
    purpose: {
      nl: 'Gepseudonimiseerde antwoorden voor een onderzoek waar de school aan meedoet, en de leerlingen die bezwaar maakten.',
      en: 'Pseudonymised answers for a study the school takes part in, and the pupils who objected.',
    },
    legalBasis: {
      nl: 'AVG art. 6 lid 1 sub e met de waarborgen van art. 89 AVG (pseudonimisering, recht van bezwaar).',
      en: 'GDPR art. 6(1)(e) with the safeguards of GDPR art. 89 (pseudonymisation, right to object).',
    },
    isSpecial: false,
  },
  audit: {
    name: { nl: 'Logboek (audit)', en: 'Audit log' },
    purpose: {
      nl: 'Vastleggen wie wat inzag of wijzigde, zodat misbruik zichtbaar wordt en een betrokkene kan horen wie zijn gegevens las.',
      en: 'Recording who read or changed what, so misuse shows and a data subject can learn who read their data.',
    },
    legalBasis: {
      nl: 'AVG art. 6 lid 1 sub c met art. 32 AVG: de plicht om persoonsgegevens passend te beveiligen.',
      en: 'GDPR art. 6(1)(c) with GDPR art. 32: the duty to secure personal data appropriately.',
    },
    isSpecial: false,
  },
  mail: {
    name: { nl: 'E-mail', en: 'E-mail' },
    purpose: {
      nl: 'Uitnodigingen, wachtwoordherstel, herinneringen en overzichten aan medewerkers, en welke al verstuurd zijn.',
      en: 'Invitations, password resets, reminders and digests to staff, and which were sent already.',
    },
    legalBasis: PUBLIC_TASK,
    isSpecial: false,
  },
  anonymous_counts: {
    name: { nl: 'Anonieme tellingen', en: 'Anonymous counts' },
    purpose: {
      nl: 'Cijfers per klas of school zonder dat iemand te herkennen is; ze blijven als de ruwe gegevens zijn verwijderd.',
      en: 'Figures per class or school in which nobody can be recognised; they stay once the raw data is deleted.',
    },
    legalBasis: {
      nl: 'Geen persoonsgegevens (anoniem). Ze ontstaan uit gegevens van de categorieën hierboven.',
      en: 'No personal data (anonymous). They are made from data of the categories above.',
    },
    isSpecial: false,
  },
  reference: {
    name: { nl: 'Referentiegegevens en instellingen', en: 'Reference data and settings' },
    purpose: {
      nl: 'Modellen, vragenlijsten, woorden, teksten en instellingen van de school: de inhoud waarmee de app werkt.',
      en: 'Models, questionnaires, words, texts and school settings: the content the app works with.',
    },
    legalBasis: {
      nl: 'Geen persoonsgegevens, behalve wie iets wijzigde (AVG art. 6 lid 1 sub e).',
      en: 'No personal data, except who changed something (GDPR art. 6(1)(e)).',
    },
    isSpecial: false,
  },
  technical: {
    name: { nl: 'Technisch: inloggen, sessies en sleutels', en: 'Technical: sign-in, sessions and keys' },
    purpose: {
      nl: 'Veilig inloggen voor medewerkers, leerlingen en ouders, tweestapsverificatie en de sleutels van de veldversleuteling.',
      en: 'Secure sign-in for staff, pupils and parents, two-step verification and the keys of the field encryption.',
    },
    legalBasis: {
      nl: 'AVG art. 6 lid 1 sub e en sub c met art. 32 AVG (beveiliging).',
      en: 'GDPR art. 6(1)(e) and (c) with GDPR art. 32 (security).',
    },
    isSpecial: false,
  },
};
