import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AGE_GROUPS, CHECKIN_STATES, type CheckinState } from '../../../shared/checkin';
import type { LocalizedText } from '../../../shared/definition-schemas';
import { ACTIVITY_KINDS, ACTIVITY_PLACES, ACTIVITY_STATES, type ActivityKind, DIRECTION_OF_KIND, regulationStateOf } from '../../../shared/regulation';
import { AppError } from '../../errors';
import { loadShippedActivities, parseSchoolActivity, readActivityDirectory } from './regulation-activities';
import { type RegulationActivity, type RegulationActivityFile, regulationActivitySchema } from './regulation-activity.schema';

const SHIPPED_DIRECTORY = fileURLToPath(new URL('./activities/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gw-activities-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (nl: string) => ({ nl, en: `${nl} (en)` });

/** A small valid activity; tests break one thing at a time. */
function minimal(): RegulationActivityFile {
  return {
    id: 'breathing-slow-count',
    version: '1.0.0',
    name: text('Langzaam tellen'),
    kind: 'breathing',
    states: ['too_high', 'in_window'],
    ageGroups: ['middle'],
    durationSeconds: 60,
    places: ['desk'],
    materials: [],
    steps: [text('Adem in en tel tot vier.'), text('Adem uit en tel tot zes.')],
    forPupils: { animation: 'breathing', prompt: text('Adem mee met de cirkel.') },
  };
}

/** The field paths a school's activity is refused on. */
function refusedFields(activity: unknown): string[] {
  try {
    parseSchoolActivity(activity);
  } catch (error) {
    if (error instanceof AppError) return Object.keys(error.fields ?? {});
    throw error;
  }
  return [];
}

/** Every localized text in an activity, with where it sits. */
function textsOf(activity: RegulationActivity): [string, LocalizedText][] {
  return [
    ['name', activity.name],
    ...activity.materials.map((material, index): [string, LocalizedText] => [`materials.${index}`, material]),
    ...activity.steps.map((step, index): [string, LocalizedText] => [`steps.${index}`, step]),
    ...(activity.forPupils ? [['forPupils.prompt', activity.forPupils.prompt] as [string, LocalizedText]] : []),
  ];
}

function countBy<Key extends string>(activities: readonly RegulationActivity[], keysOf: (activity: RegulationActivity) => readonly Key[]): Record<Key, number> {
  const counts = {} as Record<Key, number>;
  for (const activity of activities) for (const key of keysOf(activity)) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

describe('the shipped regulation activities', () => {
  const activities = loadShippedActivities();

  it('are at least 32, one valid file each, named after its id, sorted by id', () => {
    const files = readdirSync(SHIPPED_DIRECTORY).filter((file) => file.endsWith('.json'));
    expect(activities.length).toBeGreaterThanOrEqual(32);
    expect(files).toHaveLength(activities.length);
    expect(activities.map((activity) => `${activity.id}.json`).sort()).toEqual([...files].sort());
    expect(new Set(activities.map((activity) => activity.id)).size).toBe(activities.length);
    expect(activities.map((activity) => activity.id)).toEqual(activities.map((activity) => activity.id).sort());
  });

  it('pass the check a school\'s own activity must pass, and read back the same after being written as JSON', () => {
    for (const activity of activities) {
      expect(regulationActivitySchema.safeParse(activity).success).toBe(true);
      expect(parseSchoolActivity(JSON.parse(JSON.stringify(activity)))).toEqual(activity);
    }
  });

  it('have Dutch and English in every text, and Dutch that differs from the English', () => {
    for (const activity of activities) {
      for (const [path, localized] of textsOf(activity)) {
        expect(localized.nl.trim(), `${activity.id} ${path}.nl`).not.toBe('');
        expect(localized.en.trim(), `${activity.id} ${path}.en`).not.toBe('');
        expect(localized.nl, `${activity.id} ${path}`).not.toBe(localized.en);
      }
    }
  });

  it('spread over every kind: at least 4 breathing and movement, 3 of most others, 2 planning', () => {
    const minimum: Record<ActivityKind, number> = { breathing: 4, movement: 4, sensory: 3, 'muscle-relaxation': 3, rhythm: 3, 'naming-feeling': 3, reflection: 3, planning: 2 };
    const perKind = countBy(activities, (activity) => [activity.kind]);
    for (const kind of ACTIVITY_KINDS) expect(perKind[kind] ?? 0, kind).toBeGreaterThanOrEqual(minimum[kind]);
    const perDirection = countBy(activities, (activity) => [DIRECTION_OF_KIND[activity.kind]]);
    expect(perDirection['top-down']).toBeGreaterThanOrEqual(11);
  });

  it('spread over states, age groups and places, and durations from under a minute to ten minutes', () => {
    const perState = countBy(activities, (activity) => activity.states);
    for (const state of ACTIVITY_STATES) expect(perState[state] ?? 0, state).toBeGreaterThanOrEqual(8);
    const perAgeGroup = countBy(activities, (activity) => activity.ageGroups);
    for (const ageGroup of AGE_GROUPS) expect(perAgeGroup[ageGroup] ?? 0, ageGroup).toBeGreaterThanOrEqual(12);
    const perPlace = countBy(activities, (activity) => activity.places);
    for (const place of ACTIVITY_PLACES) expect(perPlace[place] ?? 0, place).toBeGreaterThanOrEqual(5);
    // Every age group finds something for too high and for too low.
    for (const ageGroup of AGE_GROUPS) {
      for (const state of ['too_high', 'too_low'] as const) {
        expect(activities.filter((activity) => activity.ageGroups.includes(ageGroup) && activity.states.includes(state)).length, `${ageGroup} ${state}`).toBeGreaterThanOrEqual(4);
      }
    }
    const durations = activities.map((activity) => activity.durationSeconds);
    expect(Math.min(...durations)).toBeLessThan(60);
    expect(Math.max(...durations)).toBe(600);
  });

  it('offer at least 8 to pupils, among them the breathing guide, shaking it out and the 5-4-3-2-1 senses game', () => {
    const forPupils = activities.filter((activity) => activity.forPupils);
    expect(forPupils.length).toBeGreaterThanOrEqual(8);
    const animated = (animation: string) => forPupils.filter((activity) => activity.forPupils?.animation === animation).map((activity) => activity.id);
    expect(animated('breathing')).toContain('breathing-calm-wave');
    expect(animated('shake')).toContain('movement-shake-it-out');
    expect(animated('senses')).toContain('sensory-five-four-three-two-one');
    // Every age group and both states outside the window get something a pupil can do alone.
    for (const ageGroup of AGE_GROUPS) {
      for (const state of ['too_high', 'too_low'] as const) {
        expect(forPupils.some((activity) => activity.ageGroups.includes(ageGroup) && activity.states.includes(state)), `${ageGroup} ${state}`).toBe(true);
      }
    }
  });

  it('are frozen, so one caller cannot change another\'s', () => {
    expect(() => {
      (activities[0]!.steps[0] as { nl: string }).nl = 'veranderd';
    }).toThrow(TypeError);
    expect(() => (activities[0]!.states as string[]).push('too_low')).toThrow(TypeError);
  });
});

describe('the regulation activity format', () => {
  it('round-trips: what it accepts, written back as JSON, reads as the same activity', () => {
    const parsed = parseSchoolActivity(minimal());
    expect(parseSchoolActivity(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    const { forPupils: _left, ...withoutPupils } = minimal();
    expect(parseSchoolActivity(withoutPupils).forPupils).toBeUndefined();
  });

  it('trims texts, so a space typed at the end does not count', () => {
    const activity = minimal();
    activity.name = { nl: '  Langzaam tellen ', en: 'Slow counting  ' };
    expect(parseSchoolActivity(activity).name).toEqual({ nl: 'Langzaam tellen', en: 'Slow counting' });
  });

  it.each<[string, (activity: RegulationActivityFile) => void, string[]]>([
    ['a name without English', (a) => (a.name = { nl: 'Alleen Nederlands' } as never), ['name.en']],
    ['a step whose English is only spaces', (a) => (a.steps[1] = { nl: 'Adem uit.', en: '   ' }), ['steps.1.en']],
    ['an unknown kind', (a) => Object.assign(a, { kind: 'yoga' }), ['kind']],
    ['a duration of 20 seconds', (a) => (a.durationSeconds = 20), ['durationSeconds']],
    ['a duration of 700 seconds', (a) => (a.durationSeconds = 700), ['durationSeconds']],
    ['a duration that is not whole seconds', (a) => (a.durationSeconds = 45.5), ['durationSeconds']],
    ['no states', (a) => (a.states = []), ['states']],
    ['a state listed twice', (a) => (a.states = ['too_high', 'in_window', 'too_high']), ['states.2']],
    ['an unknown state', (a) => Object.assign(a, { states: ['far_high'] }), ['states.0']],
    ['no age groups', (a) => (a.ageGroups = []), ['ageGroups']],
    ['an age group listed twice', (a) => (a.ageGroups = ['middle', 'middle']), ['ageGroups.1']],
    ['no places', (a) => (a.places = []), ['places']],
    ['an unknown place', (a) => Object.assign(a, { places: ['gym'] }), ['places.0']],
    ['one step', (a) => (a.steps = [text('Adem.')]), ['steps']],
    ['thirteen steps', (a) => (a.steps = Array.from({ length: 13 }, (_, index) => text(`Stap ${index + 1}`))), ['steps']],
    ['a step too long to read aloud', (a) => (a.steps[0] = text('a'.repeat(201))), ['steps.0.nl', 'steps.0.en']],
    ['a line break in a step', (a) => (a.steps[0] = text('Adem in.\nAdem uit.')), ['steps.0.nl', 'steps.0.en']],
    ['materials left out', (a) => delete (a as Partial<RegulationActivityFile>).materials, ['materials']],
    ['an unknown field', (a) => Object.assign(a, { ageRange: { from: 4, to: 7 } }), ['ageRange']],
    ['an unknown field in a text', (a) => Object.assign(a.name, { de: 'Langsam zählen' }), ['name.de']],
    ['an id that is not lowercase words', (a) => (a.id = 'Breathing Slow'), ['id']],
    ['a version that is not three numbers', (a) => (a.version = '1.0'), ['version']],
    ['an unknown animation', (a) => Object.assign(a.forPupils!, { animation: 'dance' }), ['forPupils.animation']],
    ['the breathing animation beside a movement activity', (a) => (a.kind = 'movement'), ['forPupils.animation']],
    ['a pupil activity longer than three minutes', (a) => (a.durationSeconds = 240), ['forPupils']],
    ['a pupil activity only for inside the window', (a) => (a.states = ['in_window']), ['forPupils']],
    ['a pupil activity without a prompt', (a) => (a.forPupils = { animation: 'breathing' } as never), ['forPupils.prompt']],
  ])('refuses %s, at the field that is wrong', (_case, breakIt, fields) => {
    const activity = minimal();
    breakIt(activity);
    expect(refusedFields(activity)).toEqual(fields);
  });

  it('says what is wrong in words a school can act on', () => {
    const activity = { ...minimal(), kind: 'yoga', durationSeconds: 20, states: ['too_high', 'too_high'], name: { nl: 'Langzaam tellen' } };
    try {
      parseSchoolActivity(activity, { fieldPrefix: 'body.activity.' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const fields = (error as AppError).fields!;
      expect(fields['body.activity.name.en']).toEqual(['required']);
      expect(fields['body.activity.kind']![0]).toMatch(/must be one of breathing, movement, .*planning/);
      expect(fields['body.activity.durationSeconds']).toEqual(['at least 30 seconds']);
      expect(fields['body.activity.states.1']).toEqual(['"too_high" is listed twice']);
    }
  });

  it('refuses a folder with a broken file, naming the file and the field', () => {
    const broken = { ...minimal(), id: 'breathing-broken', steps: [text('Alleen deze stap.')] };
    writeFileSync(join(dir, 'breathing-broken.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'breathing-slow-count.json'), JSON.stringify(minimal()));
    expect(() => readActivityDirectory(dir)).toThrow(/breathing-broken\.json is invalid: steps: at least 2 steps/);
  });

  it('refuses a folder where two files share an id', () => {
    const twice = mkdtempSync(join(dir, 'twice-'));
    writeFileSync(join(twice, 'a.json'), JSON.stringify(minimal()));
    writeFileSync(join(twice, 'b.json'), JSON.stringify(minimal()));
    expect(() => readActivityDirectory(twice)).toThrow(/b\.json: breathing-slow-count is already defined in a\.json/);
  });
});

describe('regulationStateOf', () => {
  it.each<[CheckinState, ReturnType<typeof regulationStateOf>]>([
    ['far_high', 'too_high'],
    ['bit_high', 'too_high'],
    ['low', 'too_low'],
    ['in_window', null],
  ])('maps the check-in state %s to %s', (checkinState, expected) => {
    expect(regulationStateOf(checkinState)).toBe(expected);
  });

  it('covers every check-in state', () => {
    for (const state of CHECKIN_STATES) expect(regulationStateOf(state)).not.toBeUndefined();
  });
});
