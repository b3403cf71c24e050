import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { aspectIdsOf, developmentModelSchema, type DevelopmentModel } from '../../../shared/selfscan-model';
import { AppError } from '../../errors';
import { loadShippedModels, parseModelDefinition, readModelDirectory } from './model-catalogue';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
// CI checks the repository out beside the shared folder that holds the seeds.
const SEED_PATH = join(REPOSITORY_ROOT, '../shared/seeds/000_dd4066d1941f2463.txt');
const COPY_RUN_LENGTH = 8;

function shippedTsoModel(): DevelopmentModel {
  const model = loadShippedModels().find((candidate) => candidate.id === 'tso-development-model');
  if (!model) throw new Error('the TSO development model is not shipped');
  return model;
}

// A mutable deep copy, so a test can break it without touching the cached model.
function editableCopy(): DevelopmentModel {
  return structuredClone(shippedTsoModel());
}

function allTexts(model: DevelopmentModel): { where: string; nl: string; en: string }[] {
  const texts = [
    { where: 'name', ...model.name },
    { where: 'source', ...model.source },
    ...Object.entries(model.phases).map(([phase, text]) => ({ where: `phase ${phase}`, ...text })),
  ];
  for (const layer of model.layers) {
    texts.push({ where: `${layer.id} name`, ...layer.name }, { where: `${layer.id} description`, ...layer.description });
    for (const aspect of layer.aspects) {
      texts.push({ where: `${aspect.id} name`, ...aspect.name });
      for (const [phase, text] of Object.entries(aspect.descriptors)) texts.push({ where: `${aspect.id} phase ${phase}`, ...text });
    }
  }
  return texts;
}

// Lowercase words only: joins words hyphenated across a line break in the seed, drops punctuation and layout.
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(\p{L})-\s*\n\s*(\p{L})/gu, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
}

function runsOf(words: string[], length: number): string[] {
  const runs: string[] = [];
  for (let start = 0; start + length <= words.length; start++) runs.push(words.slice(start, start + length).join(' '));
  return runs;
}

function validationFieldsOf(attempt: () => unknown): Record<string, string[]> {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    return (error as AppError).fields ?? {};
  }
  throw new Error('expected the model to be refused');
}

describe('the shipped TSO development model', () => {
  it('validates against the model schema', () => {
    const raw: unknown = JSON.parse(readFileSync(new URL('./models/tso-development-model.json', import.meta.url), 'utf8'));
    const result = developmentModelSchema.safeParse(raw);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true);
    expect(shippedTsoModel().version).toBe('1.0.0');
  });

  it('has 4 layers, 15 aspects and 60 descriptors in the order of the model', () => {
    const model = shippedTsoModel();
    expect(model.layers.map((layer) => layer.id)).toEqual(['layer-1', 'layer-2', 'layer-3a', 'layer-3b']);
    expect(aspectIdsOf(model)).toEqual([
      'layer-1.motivation',
      'layer-1.knowledge',
      'layer-1.shared-language',
      'layer-2.mission-vision',
      'layer-2.facilities',
      'layer-2.staff-policy',
      'layer-2.managers',
      'layer-3a.staff-connection',
      'layer-3a.pupils',
      'layer-3a.parents',
      'layer-3a.partners',
      'layer-3b.building',
      'layer-3b.talent',
      'layer-3b.pedagogy',
      'layer-3b.stress-relaxation',
    ]);
    const descriptors = model.layers.flatMap((layer) => layer.aspects.flatMap((aspect) => Object.keys(aspect.descriptors)));
    expect(descriptors).toHaveLength(60);
  });

  it('uses every id once', () => {
    const model = shippedTsoModel();
    const ids = [...model.layers.map((layer) => layer.id), ...aspectIdsOf(model)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the growth phases Groeifase 1–4 / Growth phase 1–4', () => {
    const { phases } = shippedTsoModel();
    expect(phases['1']).toEqual({ nl: 'Groeifase 1', en: 'Growth phase 1' });
    expect(phases['4']).toEqual({ nl: 'Groeifase 4', en: 'Growth phase 4' });
  });

  it('has a non-empty Dutch and English text everywhere, never the same in both languages', () => {
    for (const text of allTexts(shippedTsoModel())) {
      expect(text.nl.trim(), text.where).not.toBe('');
      expect(text.en.trim(), text.where).not.toBe('');
      expect(text.nl, text.where).not.toBe(text.en);
    }
  });

  it('keeps the countable markers of the growth phases', () => {
    const descriptor = (aspectId: string, phase: '1' | '2' | '3' | '4') => {
      const aspect = shippedTsoModel().layers.flatMap((layer) => layer.aspects).find((candidate) => candidate.id === aspectId);
      if (!aspect) throw new Error(`no aspect ${aspectId}`);
      return aspect.descriptors[phase];
    };
    expect(descriptor('layer-1.motivation', '1').en).toMatch(/part of the team/i);
    expect(descriptor('layer-1.motivation', '2').en).toMatch(/most of the team/i);
    expect(descriptor('layer-1.knowledge', '2').en).toMatch(/whole team.*full TSL training.*preparatory and follow-up/i);
    expect(descriptor('layer-1.knowledge', '3').en).toMatch(/every year all new colleagues/i);
    expect(descriptor('layer-1.knowledge', '3').en).toMatch(/one-day TSO training/i);
    expect(descriptor('layer-1.shared-language', '2').nl).toContain("'je raampje'");
    expect(descriptor('layer-1.shared-language', '3').nl).toContain('11 kernelementen');
    expect(descriptor('layer-3a.pupils', '3').en).toMatch(/most pupils have at least one trusted adult/i);
    expect(descriptor('layer-3a.pupils', '4').en).toMatch(/every pupil.*at least one person/i);
    expect(descriptor('layer-3a.pupils', '4').nl).toContain('steun- en signaleringsplan');
  });

  const hasSeed = existsSync(SEED_PATH);
  it.skipIf(!hasSeed)(
    hasSeed
      ? `copies no run of ${COPY_RUN_LENGTH} words from seed 000 into a Dutch descriptor or layer description`
      : `copy check skipped: seed 000 not found at ${SEED_PATH}`,
    () => {
      const seedWords = wordsOf(readFileSync(SEED_PATH, 'utf8'));
      const seedRuns = new Set(runsOf(seedWords, COPY_RUN_LENGTH));
      const seedText = ` ${seedWords.join(' ')} `;
      // Names of layers and aspects are the model's own names and may match the source.
      const checked = allTexts(shippedTsoModel()).filter((text) => / phase \d$| description$/.test(text.where));
      expect(checked).toHaveLength(64);
      const copied = checked.flatMap((text) =>
        runsOf(wordsOf(text.nl), COPY_RUN_LENGTH)
          .filter((run) => seedRuns.has(run))
          .map((run) => `${text.where}: "${run}"`),
      );
      expect(copied).toEqual([]);
      // A text shorter than a run could still be a whole seed line.
      const wholeLines = checked.filter((text) => seedText.includes(` ${wordsOf(text.nl).join(' ')} `)).map((text) => text.where);
      expect(wholeLines).toEqual([]);
    },
  );

  it('is read once and cannot be changed by a caller', () => {
    const first = shippedTsoModel();
    expect(loadShippedModels().find((model) => model.id === first.id)).toBe(first);
    expect(Object.isFrozen(first.layers[0]?.aspects[0]?.descriptors)).toBe(true);
  });
});

describe('parseModelDefinition', () => {
  it('accepts a valid definition and returns it', () => {
    const model = editableCopy();
    model.id = 'school-rubric';
    expect(parseModelDefinition(model).id).toBe('school-rubric');
  });

  it('refuses a duplicate aspect id, naming its path', () => {
    const model = editableCopy();
    const aspects = model.layers[0]!.aspects;
    aspects[1]!.id = aspects[0]!.id;
    const fields = validationFieldsOf(() => parseModelDefinition(model));
    expect(fields['layers.0.aspects.1.id']).toEqual(['duplicate id layer-1.motivation']);
  });

  it('refuses an aspect without a descriptor for phase 3, naming its path', () => {
    const model = editableCopy();
    delete (model.layers[2]!.aspects[1]!.descriptors as Partial<Record<string, unknown>>)['3'];
    const fields = validationFieldsOf(() => parseModelDefinition(model));
    expect(Object.keys(fields)).toEqual(['layers.2.aspects.1.descriptors.3']);
  });

  it('refuses an aspect id that is not under its layer, naming its path', () => {
    const model = editableCopy();
    model.layers[1]!.aspects[0]!.id = 'layer-1.mission-vision';
    const fields = validationFieldsOf(() => parseModelDefinition(model));
    expect(fields['layers.1.aspects.0.id']).toEqual(['aspect id must start with "layer-2."']);
  });

  it('refuses an unknown field, naming the field itself', () => {
    const model = editableCopy();
    Object.assign(model.layers[3]!.aspects[2]!, { weight: 2 });
    const fields = validationFieldsOf(() => parseModelDefinition(model));
    expect(fields).toEqual({ 'layers.3.aspects.2.weight': ['unknown field'] });
  });

  it('refuses a line break in a name and a bidi control anywhere, but keeps paragraphs in descriptions', () => {
    const model = editableCopy();
    model.layers[0]!.aspects[0]!.name.nl = 'Motivatie\nKlik hier';
    model.phases['2'].en = 'Growth \u202Ephase';
    model.layers[1]!.aspects[0]!.descriptors['1'].nl = 'Eerste alinea.\n\nTweede alinea met \u2066isolaat\u2069.';
    model.layers[2]!.description.nl = 'Eerste alinea.\n\nTweede alinea.';
    const fields = validationFieldsOf(() => parseModelDefinition(model));
    expect(fields).toEqual({
      'phases.2.en': ['control_characters_not_allowed'],
      'layers.0.aspects.0.name.nl': ['control_characters_not_allowed'],
      'layers.1.aspects.0.descriptors.1.nl': ['control_characters_not_allowed'],
    });
  });

  it('accepts the complete example in docs/model-format.md', () => {
    const page = readFileSync(join(REPOSITORY_ROOT, 'docs/model-format.md'), 'utf8');
    const example = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((block) => block.includes('"layers"'));
    expect(example, 'the page has a JSON example with layers').toBeDefined();
    const model = parseModelDefinition(JSON.parse(example!));
    expect(model.layers).toHaveLength(1);
    expect(aspectIdsOf(model)).toEqual(['climate.check-in', 'climate.calm-corner']);
  });

  it('puts the caller\'s prefix before every field path', () => {
    const model = editableCopy();
    model.version = 'one';
    const fields = validationFieldsOf(() => parseModelDefinition(model, { fieldPrefix: 'body.definition.' }));
    expect(Object.keys(fields)).toEqual(['body.definition.version']);
  });

  it('refuses something that is not a model at all', () => {
    const fields = validationFieldsOf(() => parseModelDefinition('not a model'));
    expect(Object.keys(fields)).toEqual(['(root)']);
  });
});

describe('readModelDirectory', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  function folderWith(files: Record<string, string>): string {
    directory = mkdtempSync(join(tmpdir(), 'groeiwijzer-models-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
    return directory;
  }

  it('reads every JSON model in file-name order and ignores other files', () => {
    const second = { ...editableCopy(), id: 'b-model' };
    const first = { ...editableCopy(), id: 'a-model' };
    const models = readModelDirectory(folderWith({ 'b.json': JSON.stringify(second), 'a.json': JSON.stringify(first), 'notes.txt': 'x' }));
    expect(models.map((model) => model.id)).toEqual(['a-model', 'b-model']);
  });

  it('names the file and the failing field when a model is invalid', () => {
    const broken = editableCopy();
    broken.layers[0]!.aspects[0]!.id = 'motivation';
    const folder = folderWith({ 'good.json': JSON.stringify(editableCopy()), 'broken.json': JSON.stringify(broken) });
    expect(() => readModelDirectory(folder)).toThrow(/broken\.json is invalid: layers\.0\.aspects\.0\.id: aspect id must start with "layer-1\."/);
  });

  it('names the file when it is not JSON', () => {
    expect(() => readModelDirectory(folderWith({ 'half.json': '{"id": ' }))).toThrow(/half\.json: not valid JSON/);
  });

  it('refuses two files with the same id and version', () => {
    const model = JSON.stringify(editableCopy());
    expect(() => readModelDirectory(folderWith({ 'one.json': model, 'two.json': model }))).toThrow(
      /two\.json: tso-development-model@1\.0\.0 is already defined in one\.json/,
    );
  });
});
