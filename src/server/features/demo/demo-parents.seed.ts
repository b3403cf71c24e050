import { PARENT_INSTRUMENTS } from '../../../shared/parents';
import type { StaffCaller } from '../../access/caller';
import type { Deps } from '../../deps';
import { issueParentLink, openParentLink } from '../parents/parent-access.service';
import { requestConversation, saveParentAnswers } from '../parents/parent-page.service';
import type { ParentCaller } from '../parents/parent-access.service';
import { addParent, sendQuestionnaire } from '../parents/parents.service';
import { type DemoRows, pupilsOfClassByName } from './demo.data';

// Two parents at De Vlinderboom (issue 16), of the two pupils whose contact log is told in full: a mother who got her
// link on paper at the intake and answered the strengths questionnaire and, for the care team, part of the ACE questionnaire; and
// a father without e-mail who got a printed letter, answered part of the strengths questionnaire and asked for a
// conversation. Through the services, as the parent page would. Every name and answer is made up.

/** What the seed needs: the services at a moment, the demo's callers, and today. */
export interface DemoParentsContext {
  on: (daysFromToday: number) => Deps;
  callerOf: (key: string) => Promise<StaffCaller>;
  schoolId: string;
}

/** As if the parent opened their link: a parent session of this parent (the seed never stores it). */
function asParent(parentId: string, schoolId: string): ParentCaller {
  return { kind: 'parent', idHash: 'demo-parent-page', parentId, schoolId, csrfToken: '' };
}

/** Opens a one-time link as the parent would (the session it makes is left to expire). */
async function openLink(deps: Deps, issued: Awaited<ReturnType<typeof issueParentLink>>): Promise<void> {
  await openParentLink(deps, issued.token);
}

/** Seeds the two parents; returns how many questionnaires they answered (in part or whole). */
export async function seedDemoParents(rows: DemoRows, context: DemoParentsContext): Promise<number> {
  const { on, callerOf, schoolId } = context;
  // The care team adds the parents and sends the links (it reaches every pupil, also on a summer day of the demo).
  const careTeam = await callerOf('careTeam');
  const teacherId = (await callerOf('teacher')).userId;
  const pupils = pupilsOfClassByName(rows, rows.class_teachers.find((link) => link.user_id === teacherId)?.class_id).map((pupil) => pupil.id);
  const [mothersChild, fathersChild] = [pupils[2], pupils[7]];
  if (!mothersChild || !fathersChild) throw new Error('the demo teacher has too few pupils for the parents');

  // The mother: e-mail, Dutch; strengths whole, ACEs in part (she skipped what she did not want to say). Her ACE answers
  // are the care file's `parent` informant (the care seed leaves that informant to her).
  const mother = await addParent(on(-30), careTeam, schoolId, mothersChild, { name: 'Sanne Hoekstra', relation: 'moeder', email: 'sanne.hoekstra@voorbeeld.test', phone: '06 1234 5678', language: 'nl' });
  const strengths = await sendQuestionnaire(on(-31), careTeam, schoolId, mothersChild, mother.id, PARENT_INSTRUMENTS.strengths);
  const aces = await sendQuestionnaire(on(-30), careTeam, schoolId, mothersChild, mother.id, PARENT_INSTRUMENTS.aces);
  // Handed over on paper at the intake and opened at home the next evening (a demo has no mail to click).
  await openLink(on(-29), await issueParentLink(on(-30), careTeam, schoolId, mothersChild, mother.id, 'letter'));
  await saveParentAnswers(on(-28), asParent(mother.id, schoolId), strengths.id, {
    answers: {
      'strength-friends': 1, 'strength-curious': 2, 'strength-hands': 2, 'strength-kind': 2, 'strength-moving': 1, 'strength-humour': 2, 'strength-persevering': 0, 'strength-feelings': 1,
      'helps-routine': 2, 'helps-announce': 2, 'helps-quiet-place': 1, 'helps-outside': 1, 'helps-closeness': 2, 'helps-talking': 0, 'helps-music-making': 2,
    },
    note: 'Samen tekenen voor het slapengaan helpt haar het meest. Na een weekend bij haar vader is ze vaak moe.',
  });
  await saveParentAnswers(on(-28), asParent(mother.id, schoolId), aces.id, { answers: { 'parental-separation': 1, 'high-conflict-divorce': 1, 'domestic-violence': 1, 'household-substance-abuse': 0, poverty: 0 } });

  // The father: no e-mail, a printed letter; strengths in part, and a question for the teacher.
  const father = await addParent(on(-12), careTeam, schoolId, fathersChild, { name: 'Dennis Kok', relation: 'vader', email: null, phone: '06 8765 4321', language: 'nl' });
  const fathersStrengths = await sendQuestionnaire(on(-12), careTeam, schoolId, fathersChild, father.id, PARENT_INSTRUMENTS.strengths);
  await openLink(on(-10), await issueParentLink(on(-12), careTeam, schoolId, fathersChild, father.id, 'letter'));
  await saveParentAnswers(on(-10), asParent(father.id, schoolId), fathersStrengths.id, { answers: { 'strength-moving': 2, 'strength-humour': 2, 'strength-friends': 1, 'helps-outside': 2, 'helps-routine': 1 } });
  await requestConversation(on(-10), asParent(father.id, schoolId), fathersChild, 'Hij slaapt slecht sinds de verhuizing. Kunnen we even bellen over hoe het in de klas gaat?');
  return 3;
}
