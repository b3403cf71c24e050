// `npm run bench:sociogram -- [--seed <n>] [--repeats 15]`
//
// The sociogram's analysis and network picture (issue 15) for one class and for a whole school. Generates, from a
// printed seed (--seed replays it), a school of 1,000 pupils in 34 classes of 28–31 with one closed sociogram per
// class — two positive questions and one "rather not", at most 3 choices each, about 90% answered, choices clustered
// in friend groups with a few well-liked and a few often-rejected pupils — in a fresh SQLite database (synchronous=
// FULL, through createDb and the migrations). The BASELINE, measured in the same run: reading the rows with Kysely
// (questions, answers, choices, roster) of one class and of the whole school. Then, from rows in memory:
//   - one class of 30: analyseSociogram + layoutNetwork, against the class read;
//   - every class of the school analysed and laid out, and the whole school as one network of 1,000 pupils
//     (all classes' choices in one graph), each against the school read.
// Goals: a class under 5 ms, the school under 200 ms. Medians after warm-up runs. Not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { createDb } from '../src/server/db/create-db';
import type { Database } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { layoutNetwork, type SociogramNetwork } from '../src/server/features/sociogram/sociogram-network';
import { seededRandom } from '../src/shared/seeded-random';
import { analyseSociogram, type SociogramAnalysis, type Valence } from '../src/shared/sociogram';

const GOAL_CLASS_MS = 5;
const GOAL_SCHOOL_MS = 200;
const PUPILS = 1_000;
const CLASSES = 34;
const [SMALLEST_CLASS, LARGEST_CLASS] = [28, 31];
const MAX_CHOICES = 3;
const ANSWERED = 0.9;
const WARM_UP_RUNS = 5;
const AT = '2026-10-16T12:00:00.000Z';
const QUESTIONS = [
  { position: 1, question_key: 'play', text_nl: 'Met wie speel je graag?', text_en: 'Who do you like to play with?', valence: 'positive' },
  { position: 2, question_key: 'work', text_nl: 'Met wie werk je graag samen?', text_en: 'Who do you like to work with?', valence: 'positive' },
  { position: 3, question_key: 'not_play', text_nl: 'Met wie speel je liever niet?', text_en: 'Who would you rather not play with?', valence: 'negative' },
] as const;

const optionsSchema = z.strictObject({
  seed: z.coerce.number().int().min(0).max(2 ** 31).optional(),
  repeats: z.coerce.number().int().min(3).max(101).default(15),
});

// ---------- the school ----------

interface School {
  schoolId: string;
  classes: { classId: string; sociogramId: string; pupils: string[] }[];
}

/** 34 class sizes between 28 and 31 that add up to 1,000. */
function classSizes(random: () => number): number[] {
  const sizes = Array.from({ length: CLASSES }, () => Math.floor(PUPILS / CLASSES));
  const pick = (fits: (size: number) => boolean) => {
    for (;;) {
      const index = Math.floor(random() * CLASSES);
      if (fits(sizes[index]!)) return index;
    }
  };
  for (let left = PUPILS - sizes.reduce((sum, size) => sum + size, 0); left > 0; left -= 1) sizes[pick((size) => size < LARGEST_CLASS)]! += 1;
  // Some spread: move a pupil from one class to another now and then.
  for (let move = 0; move < CLASSES; move += 1) {
    const from = pick((size) => size > SMALLEST_CLASS);
    const to = pick((size) => size < LARGEST_CLASS);
    if (from === to) continue;
    sizes[from]! -= 1;
    sizes[to]! += 1;
  }
  return sizes;
}

/** An item drawn with probability proportional to its weight; undefined when every weight is 0. */
function drawWeighted<T>(items: readonly T[], weightOf: (item: T) => number, random: () => number): T | undefined {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  if (total <= 0) return undefined;
  let draw = random() * total;
  for (const item of items) if ((draw -= weightOf(item)) < 0) return item;
  return items.at(-1);
}

/** How many classmates a pupil chooses on one question: mostly the maximum, sometimes fewer. */
function choiceCount(random: () => number, valence: Valence): number {
  const draw = random();
  if (valence === 'negative') return draw < 0.25 ? 0 : draw < 0.55 ? 1 : draw < 0.8 ? 2 : 3;
  return draw < 0.03 ? 0 : draw < 0.1 ? 1 : draw < 0.25 ? 2 : MAX_CHOICES;
}

// Friend groups of 2–6 in each class; a pupil chooses mostly inside their group, otherwise someone well liked. "Rather
// not" goes mostly to a few pupils outside the chooser's group.
function choicesOfClass(pupils: readonly string[], random: () => number) {
  const groupOf = new Map<string, number>();
  for (let start = 0, group = 0; start < pupils.length; group += 1) {
    const size = 2 + Math.floor(random() * 5);
    for (const pupil of pupils.slice(start, start + size)) groupOf.set(pupil, group);
    start += size;
  }
  const liked = new Map(pupils.map((pupil) => [pupil, random() < 0.1 ? 4 : random() < 0.1 ? 0.1 : 0.5 + random()]));
  const rejected = new Map(pupils.map((pupil) => [pupil, random() < 0.12 ? 6 : 0.3 * random()]));
  const answers: string[] = [];
  const choices: { chooser_id: string; position: number; chosen_id: string }[] = [];
  for (const chooser of pupils) {
    if (random() >= ANSWERED) continue;
    answers.push(chooser);
    for (const question of QUESTIONS) {
      const chosen = new Set<string>();
      for (let count = choiceCount(random, question.valence); chosen.size < count; ) {
        const candidates = pupils.filter((pupil) => pupil !== chooser && !chosen.has(pupil));
        const isOwnGroup = (pupil: string) => groupOf.get(pupil) === groupOf.get(chooser);
        const next =
          question.valence === 'negative'
            ? drawWeighted(candidates, (pupil) => (isOwnGroup(pupil) ? 0.05 : rejected.get(pupil)!), random)
            : drawWeighted(candidates, (pupil) => (isOwnGroup(pupil) ? 8 : liked.get(pupil)!), random);
        if (next === undefined) break;
        chosen.add(next);
      }
      for (const pupil of chosen) choices.push({ chooser_id: chooser, position: question.position, chosen_id: pupil });
    }
  }
  return { answers, choices };
}

async function generate(db: Kysely<Database>, seed: number): Promise<School & { choices: number; answers: number; sizes: number[] }> {
  const random = seededRandom(seed);
  const sizes = classSizes(random);
  const boardId = `board-${seed}`;
  const schoolId = `school-${seed}`;
  const school: School = { schoolId, classes: [] };
  let choiceCountTotal = 0;
  let answerCountTotal = 0;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('boards').values({ id: boardId, name: 'Bench', min_group_size: 5, created_at: AT }).execute();
    await trx.insertInto('schools').values({ id: schoolId, board_id: boardId, name: 'De Sociogramschool', kind: 'primary', created_at: AT }).execute();
    let pupilNumber = 0;
    for (const [index, size] of sizes.entries()) {
      const classId = `class-${index + 1}`;
      const sociogramId = `sociogram-${seed}-${index + 1}`;
      await trx.insertInto('classes').values({ id: classId, school_id: schoolId, location_id: null, school_year: '2026-2027', name: `Groep ${index + 1}`, created_at: AT }).execute();
      const pupils = Array.from({ length: size }, () => `pupil-${String((pupilNumber += 1)).padStart(4, '0')}`);
      await trx
        .insertInto('pupils')
        .values(pupils.map((id) => ({ id, school_id: schoolId, pupil_number: id, first_name: 'Leerling', last_name: id, birth_date: null, left_on: null, created_at: AT, updated_at: AT })))
        .execute();
      await trx.insertInto('class_pupils').values(pupils.map((pupil_id) => ({ class_id: classId, pupil_id, created_at: AT }))).execute();
      await trx
        .insertInto('sociograms')
        .values({ id: sociogramId, school_id: schoolId, class_id: classId, opened_on: '2026-10-05', closed_on: '2026-10-16', created_by: null, created_at: AT, purged_on: null, class_counts: null })
        .execute();
      await trx
        .insertInto('sociogram_questions')
        .values(QUESTIONS.map((question) => ({ ...question, sociogram_id: sociogramId, max_choices: MAX_CHOICES })))
        .execute();
      const { answers, choices } = choicesOfClass(pupils, random);
      if (answers.length > 0) await trx.insertInto('sociogram_answers').values(answers.map((pupil_id) => ({ sociogram_id: sociogramId, pupil_id, answered_at: AT, entered_by: null }))).execute();
      for (let start = 0; start < choices.length; start += 500) {
        await trx.insertInto('sociogram_choices').values(choices.slice(start, start + 500).map((choice) => ({ ...choice, sociogram_id: sociogramId }))).execute();
      }
      choiceCountTotal += choices.length;
      answerCountTotal += answers.length;
      school.classes.push({ classId, sociogramId, pupils });
    }
  });
  return { ...school, choices: choiceCountTotal, answers: answerCountTotal, sizes };
}

// ---------- BASELINE: reading the rows ----------

interface SociogramRows {
  sociogramId: string;
  questions: { position: number; valence: string }[];
  answers: { pupil_id: string; answered_at: string }[];
  choices: { chooser_id: string; position: number; chosen_id: string }[];
  roster: string[];
}

async function readClass(db: Kysely<Database>, sociogramId: string, classId: string): Promise<SociogramRows> {
  const questions = await db.selectFrom('sociogram_questions').select(['position', 'valence']).where('sociogram_id', '=', sociogramId).orderBy('position').execute();
  const answers = await db.selectFrom('sociogram_answers').select(['pupil_id', 'answered_at']).where('sociogram_id', '=', sociogramId).execute();
  const choices = await db.selectFrom('sociogram_choices').select(['chooser_id', 'position', 'chosen_id']).where('sociogram_id', '=', sociogramId).execute();
  const roster = await db
    .selectFrom('class_pupils')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select('pupils.id')
    .where('class_pupils.class_id', '=', classId)
    .orderBy('pupils.last_name')
    .orderBy('pupils.first_name')
    .orderBy('pupils.id')
    .execute();
  return { sociogramId, questions, answers, choices, roster: roster.map((row) => row.id) };
}

/** Every sociogram of the school, its rows grouped per sociogram, in class order. */
async function readSchool(db: Kysely<Database>, schoolId: string): Promise<SociogramRows[]> {
  const sociograms = await db.selectFrom('sociograms').select(['id', 'class_id']).where('school_id', '=', schoolId).orderBy('class_id').execute();
  const questions = await db
    .selectFrom('sociogram_questions')
    .innerJoin('sociograms', 'sociograms.id', 'sociogram_questions.sociogram_id')
    .select(['sociogram_questions.sociogram_id', 'sociogram_questions.position', 'sociogram_questions.valence'])
    .where('sociograms.school_id', '=', schoolId)
    .orderBy('sociogram_questions.position')
    .execute();
  const answers = await db
    .selectFrom('sociogram_answers')
    .innerJoin('sociograms', 'sociograms.id', 'sociogram_answers.sociogram_id')
    .select(['sociogram_answers.sociogram_id', 'sociogram_answers.pupil_id', 'sociogram_answers.answered_at'])
    .where('sociograms.school_id', '=', schoolId)
    .execute();
  const choices = await db
    .selectFrom('sociogram_choices')
    .innerJoin('sociograms', 'sociograms.id', 'sociogram_choices.sociogram_id')
    .select(['sociogram_choices.sociogram_id', 'sociogram_choices.chooser_id', 'sociogram_choices.position', 'sociogram_choices.chosen_id'])
    .where('sociograms.school_id', '=', schoolId)
    .execute();
  const roster = await db
    .selectFrom('class_pupils')
    .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select(['class_pupils.class_id', 'pupils.id'])
    .where('classes.school_id', '=', schoolId)
    .orderBy('pupils.last_name')
    .orderBy('pupils.first_name')
    .orderBy('pupils.id')
    .execute();
  const bySociogram = new Map<string, SociogramRows>(sociograms.map((sociogram) => [sociogram.id, { sociogramId: sociogram.id, questions: [], answers: [], choices: [], roster: [] }]));
  const byClass = new Map(sociograms.map((sociogram) => [sociogram.class_id, bySociogram.get(sociogram.id)!]));
  for (const { sociogram_id, ...question } of questions) bySociogram.get(sociogram_id)!.questions.push(question);
  for (const { sociogram_id, ...answer } of answers) bySociogram.get(sociogram_id)!.answers.push(answer);
  for (const { sociogram_id, ...choice } of choices) bySociogram.get(sociogram_id)!.choices.push(choice);
  for (const row of roster) byClass.get(row.class_id)?.roster.push(row.id);
  return [...bySociogram.values()];
}

// ---------- what is measured: the analysis and the picture ----------

function valenceOf(text: string): Valence {
  if (text === 'positive' || text === 'negative') return text;
  throw new Error(`unknown valence ${text}`);
}

/** The inputs of the analysis and of the picture, from a sociogram's rows (what its page will do). */
function inputsOf(rows: SociogramRows, seed = rows.sociogramId) {
  const valences = new Map(rows.questions.map((question) => [question.position, valenceOf(question.valence)]));
  return {
    roster: rows.roster,
    questions: rows.questions.map((question) => ({ id: String(question.position), valence: valences.get(question.position)! })),
    nominations: rows.choices.map((choice) => ({ chooser: choice.chooser_id, chosen: choice.chosen_id, question: String(choice.position) })),
    network: {
      pupils: rows.roster,
      choices: rows.choices.map((choice) => ({ chooser: choice.chooser_id, chosen: choice.chosen_id, valence: valences.get(choice.position)! })),
      seed,
    },
  };
}

/** One sociogram analysed and laid out from its rows. */
function analyseAndLayOut(rows: SociogramRows): { analysis: SociogramAnalysis; network: SociogramNetwork } {
  const inputs = inputsOf(rows);
  return { analysis: analyseSociogram(inputs.roster, inputs.questions, inputs.nominations), network: layoutNetwork(inputs.network) };
}

/** The whole school as one sociogram: every roster and every choice together (the classes asked the same questions). */
function wholeSchoolRows(classes: readonly SociogramRows[], schoolId: string): SociogramRows {
  return {
    sociogramId: schoolId,
    questions: classes[0]!.questions,
    answers: classes.flatMap((rows) => rows.answers),
    choices: classes.flatMap((rows) => rows.choices),
    roster: classes.flatMap((rows) => rows.roster),
  };
}

async function medianMs(repeats: number, work: () => unknown): Promise<number> {
  for (let run = 0; run < WARM_UP_RUNS; run += 1) await work();
  const times: number[] = [];
  for (let run = 0; run < repeats; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return times[Math.floor(times.length / 2)]!;
}

// ---------- the run ----------

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { seed: { type: 'string' }, repeats: { type: 'string' } }, strict: true });
  const options = optionsSchema.parse(values);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const repeats = options.repeats;
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-sociogram-'));
  try {
    const db = await createDb(`sqlite:${join(dir, 'sociogram.db')}`);
    try {
      await migrateToLatest(db.kysely);
      console.log(`sociogram bench on ${db.dialect}, seed ${seed} (--seed ${seed} replays it); generating…`);
      const school = await generate(db.kysely, seed);
      console.log(
        `school: ${PUPILS} pupils in ${school.classes.length} classes of ${Math.min(...school.sizes)}–${Math.max(...school.sizes)}, one sociogram each (2 positive questions, 1 negative, at most ${MAX_CHOICES} choices); ` +
          `${school.answers} answered (${((100 * school.answers) / PUPILS).toFixed(0)}%), ${school.choices} choices`,
      );

      // The class measured: the first of 30 pupils (or the one nearest to 30).
      const measured = [...school.classes].sort((left, right) => Math.abs(left.pupils.length - 30) - Math.abs(right.pupils.length - 30))[0]!;
      const classRows = await readClass(db.kysely, measured.sociogramId, measured.classId);
      const schoolRows = await readSchool(db.kysely, school.schoolId);
      const wholeSchool = wholeSchoolRows(schoolRows, school.schoolId);
      const classInputs = inputsOf(classRows);
      const wholeSchoolInputs = inputsOf(wholeSchool);

      const classReadMs = await medianMs(repeats, () => readClass(db.kysely, measured.sociogramId, measured.classId));
      const schoolReadMs = await medianMs(repeats, () => readSchool(db.kysely, school.schoolId));
      const classMs = await medianMs(repeats, () => analyseAndLayOut(classRows));
      const classLayoutMs = await medianMs(repeats, () => layoutNetwork(classInputs.network));
      const everyClassMs = await medianMs(repeats, () => schoolRows.map((rows) => analyseAndLayOut(rows)));
      const wholeSchoolMs = await medianMs(repeats, () => analyseAndLayOut(wholeSchool));
      const wholeSchoolLayoutMs = await medianMs(repeats, () => layoutNetwork(wholeSchoolInputs.network));

      console.log(`median of ${repeats} runs after ${WARM_UP_RUNS} warm-up runs; computations from rows in memory`);
      const goal = (ms: number, limit: number) => (ms < limit ? `met (< ${limit} ms)` : `NOT met (< ${limit} ms)`);
      console.table([
        { what: `BASELINE read one class (${classRows.roster.length} pupils, ${classRows.choices.length} choices)`, 'median ms': round(classReadMs), 'ratio to its read': 1, goal: '' },
        { what: `class of ${classRows.roster.length}: analyse + lay out`, 'median ms': round(classMs), 'ratio to its read': round(classMs / classReadMs), goal: goal(classMs, GOAL_CLASS_MS) },
        { what: '  of which the layout (Louvain + ForceAtlas2)', 'median ms': round(classLayoutMs), 'ratio to its read': round(classLayoutMs / classReadMs), goal: '' },
        { what: `class of ${classRows.roster.length}: read + analyse + lay out`, 'median ms': round(classReadMs + classMs), 'ratio to its read': round((classReadMs + classMs) / classReadMs), goal: '' },
        { what: `BASELINE read the school (${wholeSchool.roster.length} pupils, ${wholeSchool.choices.length} choices)`, 'median ms': round(schoolReadMs), 'ratio to its read': 1, goal: '' },
        { what: `school: each of ${schoolRows.length} classes analysed + laid out`, 'median ms': round(everyClassMs), 'ratio to its read': round(everyClassMs / schoolReadMs), goal: goal(everyClassMs, GOAL_SCHOOL_MS) },
        { what: `school as one network of ${wholeSchool.roster.length}: analyse + lay out`, 'median ms': round(wholeSchoolMs), 'ratio to its read': round(wholeSchoolMs / schoolReadMs), goal: goal(wholeSchoolMs, GOAL_SCHOOL_MS) },
        { what: '  of which the layout (Louvain + ForceAtlas2)', 'median ms': round(wholeSchoolLayoutMs), 'ratio to its read': round(wholeSchoolLayoutMs / schoolReadMs), goal: '' },
      ]);

      // What was computed, so a reader can see the figures belong to a sensible result.
      const classResult = analyseAndLayOut(classRows);
      const perClass = schoolRows.map((rows) => analyseAndLayOut(rows));
      const schoolResult = analyseAndLayOut(wholeSchool);
      const isolated = (analysis: SociogramAnalysis) => analysis.pupils.filter((pupil) => pupil.isolated).length;
      console.log(
        `the class: ${classResult.network.groups.length} groups (${classResult.network.groups.filter((group) => group.pupils.length > 1).length} of more than one pupil), ${classResult.network.bridges.length} bridges, ${isolated(classResult.analysis)} isolated, ${classResult.analysis.mutualPositivePairs.length} mutual pairs`,
      );
      console.log(
        `every class: ${perClass.reduce((sum, each) => sum + each.network.groups.length, 0)} groups, ${perClass.reduce((sum, each) => sum + each.network.bridges.length, 0)} bridges, ${perClass.reduce((sum, each) => sum + isolated(each.analysis), 0)} isolated; ` +
          `the school as one network: ${schoolResult.network.groups.length} groups, ${schoolResult.network.bridges.length} bridges`,
      );
      console.log(`machine load average while measuring: ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Number(value.toFixed(value < 10 ? 2 : 1));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
