import { describe, expect, it } from 'vitest';
import { AGE_GROUPS } from './checkin';
import { LOCALES } from './roles';
import { type LessonText, WINDOW_DRAWINGS, WINDOW_LESSON_IDS, WINDOW_LESSONS } from './window-lessons';

const allVersions = WINDOW_LESSONS.flatMap((lesson) => AGE_GROUPS.map((age) => ({ label: `${lesson.id}/${age}`, age, version: lesson.versions[age] })));
const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;
const sentencesOf = (text: string) => text.split(/(?<=[.?!])\s+/);

/** The problems of one text: a language missing or empty, or space around it. */
function problemsOf(label: string, text: LessonText): string[] {
  return LOCALES.flatMap((locale) => {
    const value = text[locale];
    if (typeof value !== 'string' || value.trim() === '') return [`${label} has no ${locale} text`];
    return value !== value.trim() ? [`${label} (${locale}) has space around it`] : [];
  });
}

describe('the "know your window" lessons', () => {
  it('are the four lessons in order, numbered 1 to 4', () => {
    expect(WINDOW_LESSONS.map((lesson) => lesson.id)).toEqual([...WINDOW_LESSON_IDS]);
    expect(WINDOW_LESSONS.map((lesson) => lesson.number)).toEqual([1, 2, 3, 4]);
  });

  it('each have exactly the three age versions of the check-in', () => {
    for (const lesson of WINDOW_LESSONS) expect(Object.keys(lesson.versions).sort(), lesson.id).toEqual([...AGE_GROUPS].sort());
  });

  it('have every text in Dutch and English, none empty', () => {
    const problems = WINDOW_LESSONS.flatMap((lesson) => problemsOf(`${lesson.id} staff title`, lesson.staffTitle));
    for (const { label, version } of allVersions) {
      problems.push(...problemsOf(`${label} title`, version.title));
      for (const [index, slide] of version.slides.entries()) {
        problems.push(...problemsOf(`${label} slide ${index + 1} heading`, slide.heading));
        for (const [line, text] of slide.lines.entries()) problems.push(...problemsOf(`${label} slide ${index + 1} line ${line + 1}`, text));
      }
      for (const [index, question] of version.questions.entries()) problems.push(...problemsOf(`${label} question ${index + 1}`, question));
    }
    expect(problems).toEqual([]);
  });

  it('are short: 3-5 slides of 1-3 sentences to show and say, and 2-3 questions', () => {
    for (const { label, version } of allVersions) {
      expect(version.slides.length, label).toBeGreaterThanOrEqual(3);
      expect(version.slides.length, label).toBeLessThanOrEqual(5);
      for (const slide of version.slides) {
        expect(slide.lines.length, `${label} ${slide.heading.nl}`).toBeGreaterThanOrEqual(1);
        expect(slide.lines.length, `${label} ${slide.heading.nl}`).toBeLessThanOrEqual(3);
      }
      expect(version.questions.length, label).toBeGreaterThanOrEqual(2);
      expect(version.questions.length, label).toBeLessThanOrEqual(3);
    }
  });

  it('use only drawings that exist, and every drawing somewhere', () => {
    const used = new Set(allVersions.flatMap(({ version }) => version.slides.flatMap((slide) => (slide.drawing ? [slide.drawing] : []))));
    expect([...used].filter((drawing) => !(WINDOW_DRAWINGS as readonly string[]).includes(drawing))).toEqual([]);
    expect(WINDOW_DRAWINGS.filter((drawing) => !used.has(drawing))).toEqual([]);
  });

  it("show the class's check-in words on the window lesson, in every age version", () => {
    const window = WINDOW_LESSONS.find((lesson) => lesson.id === 'the-window')!;
    for (const age of AGE_GROUPS) expect(window.versions[age].slides.some((slide) => slide.showsCheckinWords), age).toBe(true);
  });

  it('keep the youngest version in very simple, short sentences (at most 10 words each)', () => {
    const long = allVersions
      .filter(({ age }) => age === 'young')
      .flatMap(({ version }) => version.slides.flatMap((slide) => slide.lines.flatMap((line) => sentencesOf(line.nl))))
      .filter((sentence) => wordsIn(sentence) > 10);
    expect(long).toEqual([]);
  });
});
