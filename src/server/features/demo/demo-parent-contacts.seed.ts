import type { ParentContactKind } from '../../../shared/parent-contacts';
import { addDays } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import type { Deps } from '../../deps';
import { addContact, markFollowUp } from '../parents/parent-contacts.service';
import { type DemoRows, pupilsOfClassByName } from './demo.data';

// The contact log with parents at De Vlinderboom (issue 16): two pupils of the demo teacher's class have a log from
// enrolment on — an enrolment conversation with the care team's notes on the life course, a phone call, a home visit
// with a follow-up — and a few pupils of every class had a recent contact, so the "Ouders" list and the evidence
// beside the self-scan show figures. Through the service, each at the moment it happened. Every name, event and
// sentence is made up; any likeness is chance.

/** What the seed needs: the services at a moment, the demo's callers, and today. */
export interface DemoParentContactsContext {
  on: (daysFromToday: number) => Deps;
  callerOf: (key: string) => Promise<StaffCaller>;
  today: string;
  schoolId: string;
}

/** One demo contact: by whom (a demo account key), how long ago, and what the log holds. */
interface DemoContact {
  by: 'teacher' | 'careTeam';
  daysAgo: number;
  kind: ParentContactKind;
  withWhom: string;
  topic: string;
  isEnrolment?: boolean;
  note?: string;
  careNotes?: string;
  /** Days after the contact to get back to the parents; `isDone` once that happened. */
  followUp?: { inDays: number; isDone?: boolean };
}

/** The two logs told in full, by position in the demo teacher's class (sorted by last and first name). */
const FULL_LOGS: readonly { pupilIndex: number; contacts: readonly DemoContact[] }[] = [
  {
    // The pupil of the care file who is picked up by grandma on Tuesdays and Thursdays.
    pupilIndex: 2,
    contacts: [
      {
        by: 'careTeam',
        daysAgo: 75,
        kind: 'at_school',
        withWhom: 'moeder en oma',
        topic: 'Intakegesprek bij de start op school',
        isEnrolment: true,
        note: 'Warme kennismaking. Moeder wil graag elke vrijdag kort horen hoe de week ging; oma haalt op dinsdag en donderdag.',
        careNotes:
          'Ouders zijn vorig jaar uit elkaar gegaan na een lange tijd met veel ruzie thuis. Moeder vertelt dat ze als kind zelf vaak is verhuisd en weet hoe zwaar opnieuw beginnen is. Op de vorige school wisselde de leerkracht drie keer; moeder voelde zich daar niet gehoord. Thuis helpt een vaste avondroutine en samen tekenen.',
        followUp: { inDays: 14, isDone: true },
      },
      {
        by: 'teacher',
        daysAgo: 20,
        kind: 'phone',
        withWhom: 'moeder',
        topic: 'Onrustige maandagochtend na het weekend bij vader',
        note: 'Moeder belde zelf. Afgesproken dat er op maandag even tijd is om bij juf binnen te lopen voor de bel gaat.',
      },
      {
        by: 'careTeam',
        daysAgo: 6,
        kind: 'visit',
        withWhom: 'oma',
        topic: 'Huisbezoek: hoe gaat het thuis',
        note: 'Het slapen gaat beter sinds er een vast lampje aan blijft. Oma vraagt of er op school ook een rustig plekje is.',
        careNotes: 'Oma maakt zich zorgen over de spanning bij de overdracht tussen de ouders. Bespreken in het zorgoverleg.',
        followUp: { inDays: 14 },
      },
    ],
  },
  {
    pupilIndex: 7,
    contacts: [
      {
        by: 'careTeam',
        daysAgo: 45,
        kind: 'at_school',
        withWhom: 'vader en stiefmoeder',
        topic: 'Intakegesprek na de verhuizing',
        isEnrolment: true,
        note: 'Vader en stiefmoeder willen het liefst per mail op de hoogte blijven, en bij zorgen meteen gebeld worden.',
        careNotes: 'Het gezin is dit voorjaar verhuisd na het overlijden van de moeder van vader. Eerder jeugdhulp via het wijkteam; dat ging goed. Stiefmoeder vertelt open over haar eigen moeilijke jeugd.',
      },
      {
        by: 'careTeam',
        daysAgo: 10,
        kind: 'phone',
        withWhom: 'vader',
        topic: 'Afspraak met de jeugdarts',
        note: 'Vader laat weten hoe het gesprek met de jeugdarts ging; we bellen terug zodra de school het verslag heeft gelezen.',
        followUp: { inDays: 7 },
      },
    ],
  },
];

/** A recent contact for a few pupils of every class (by position in the class), so the evidence shows figures. */
const RECENT_CONTACTS: readonly { classIndex: number; pupilIndex: number; contact: DemoContact }[] = [
  { classIndex: 0, pupilIndex: 0, contact: { by: 'careTeam', daysAgo: 70, kind: 'at_school', withWhom: 'moeder', topic: 'Intakegesprek', isEnrolment: true } },
  { classIndex: 0, pupilIndex: 3, contact: { by: 'careTeam', daysAgo: 55, kind: 'at_school', withWhom: 'ouders', topic: 'Intakegesprek', isEnrolment: true } },
  { classIndex: 0, pupilIndex: 5, contact: { by: 'careTeam', daysAgo: 12, kind: 'phone', withWhom: 'vader', topic: 'Eerste schoolweken' } },
  { classIndex: 0, pupilIndex: 9, contact: { by: 'careTeam', daysAgo: 30, kind: 'at_school', withWhom: 'pleegmoeder', topic: 'Kennismaking bij het hek' } },
  { classIndex: 1, pupilIndex: 4, contact: { by: 'careTeam', daysAgo: 25, kind: 'video', withWhom: 'moeder', topic: 'Rapportgesprek' } },
  { classIndex: 1, pupilIndex: 10, contact: { by: 'careTeam', daysAgo: 8, kind: 'phone', withWhom: 'ouders', topic: 'Ziekmelding en huiswerk' } },
  { classIndex: 2, pupilIndex: 1, contact: { by: 'careTeam', daysAgo: 40, kind: 'at_school', withWhom: 'vader', topic: 'Intakegesprek', isEnrolment: true } },
  { classIndex: 2, pupilIndex: 6, contact: { by: 'careTeam', daysAgo: 15, kind: 'visit', withWhom: 'moeder en broer', topic: 'Huisbezoek' } },
  { classIndex: 2, pupilIndex: 11, contact: { by: 'careTeam', daysAgo: 120, kind: 'phone', withWhom: 'moeder', topic: 'Overstap naar het voortgezet onderwijs' } },
];

/** Seeds the contact logs of De Vlinderboom; returns how many contacts it recorded. */
export async function seedDemoParentContacts(rows: DemoRows, context: DemoParentContactsContext): Promise<number> {
  const { callerOf, schoolId } = context;
  const callers = { teacher: await callerOf('teacher'), careTeam: await callerOf('careTeam') };
  const classIds = rows.classes.filter((item) => item.school_id === schoolId).map((item) => item.id);
  const teacherClassId = rows.class_teachers.find((link) => link.user_id === callers.teacher.userId)?.class_id;
  if (!teacherClassId) throw new Error('the demo teacher has no class');

  let recorded = 0;
  const record = async (pupilId: string, contact: DemoContact) => {
    await recordContact(context, callers[contact.by], pupilId, contact);
    recorded += 1;
  };
  const teacherPupils = pupilsOfClassByName(rows, teacherClassId);
  for (const log of FULL_LOGS) {
    const pupil = teacherPupils[log.pupilIndex];
    if (!pupil) throw new Error(`the demo teacher's class has no pupil ${log.pupilIndex}`);
    for (const contact of log.contacts) await record(pupil.id, contact);
  }
  for (const entry of RECENT_CONTACTS) {
    const pupil = pupilsOfClassByName(rows, classIds[entry.classIndex])[entry.pupilIndex];
    if (pupil) await record(pupil.id, entry.contact);
  }
  return recorded;
}

// A teacher's right to a pupil follows this school year's class, so a teacher's contact is recorded today (about a
// day that has been); the care team's at the moment it happened.
async function recordContact(context: DemoParentContactsContext, caller: StaffCaller, pupilId: string, contact: DemoContact): Promise<void> {
  const { on, today, schoolId } = context;
  const heldOn = addDays(today, -contact.daysAgo);
  const deps = contact.by === 'teacher' ? on(0) : on(-contact.daysAgo);
  const saved = await addContact(deps, caller, schoolId, pupilId, {
    heldOn,
    kind: contact.kind,
    withWhom: contact.withWhom,
    topic: contact.topic,
    isEnrolment: contact.isEnrolment ?? false,
    note: contact.note ?? '',
    careNotes: contact.careNotes ?? '',
    followUpOn: contact.followUp ? addDays(heldOn, contact.followUp.inDays) : null,
  });
  if (contact.followUp?.isDone) {
    const doneDaysAgo = Math.max(0, contact.daysAgo - contact.followUp.inDays);
    await markFollowUp(contact.by === 'teacher' ? on(0) : on(-doneDaysAgo), caller, schoolId, pupilId, saved.id, { done: true });
  }
}
