import { z } from 'zod';
import { definitionIdSchema, definitionVersionSchema, localizedTextSchema } from './definition-schemas';

// THE questionnaire format: every questionnaire Groeiwijzer asks — teachers' sense of competence, class climate,
// pupils' wellbeing, and later parents', staff's and screening lists — is an instrument file in this shape,
// answered and scored by one engine. docs/instrument-format.md describes the file for people.

/** Who answers an instrument. */
export const INFORMANTS = ['teacher', 'pupil', 'parent', 'staff'] as const;
export type Informant = (typeof INFORMANTS)[number];

/** A picture for an answer, for young children who cannot read the labels yet. */
export const ANSWER_FACES = ['happy', 'neutral', 'sad'] as const;

/** How a scale's score is made from its answered items. */
export const SCALE_SCORINGS = ['mean', 'sum'] as const;

export const responseOptionSchema = z.strictObject({
  value: z.number().int().min(-100).max(100),
  label: localizedTextSchema,
  face: z.enum(ANSWER_FACES).optional(),
});

/** The answers an item offers, in the order shown (values ascending). */
export const responseScaleSchema = z
  .strictObject({
    id: definitionIdSchema,
    options: z.array(responseOptionSchema).min(2).max(11),
    /** An answer (after reversing) at or above this value counts as favourable in the results. */
    favourableFrom: z.number().int(),
  })
  .superRefine((scale, context) => {
    scale.options.forEach((option, index) => {
      if (index > 0 && option.value <= scale.options[index - 1]!.value) {
        context.addIssue({ code: 'custom', path: ['options', index, 'value'], message: 'values must rise from the first option to the last' });
      }
    });
    const values = scale.options.map((option) => option.value);
    if (!values.includes(scale.favourableFrom)) {
      context.addIssue({ code: 'custom', path: ['favourableFrom'], message: `must be one of the option values ${values.join(', ')}` });
    }
    if (scale.favourableFrom === values[0]) {
      context.addIssue({ code: 'custom', path: ['favourableFrom'], message: 'cannot be the lowest value: then every answer would be favourable' });
    }
  });

export const instrumentItemSchema = z.strictObject({
  id: definitionIdSchema,
  text: localizedTextSchema,
  /** The id of one of the instrument's response scales. */
  responseScale: definitionIdSchema,
  /** Worded the other way round: scored as (lowest + highest − answer), so a high score is always the good end. */
  reverse: z.boolean().default(false),
});

export const instrumentScaleSchema = z.strictObject({
  id: definitionIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** Item ids; every item of a scale uses the same response scale. */
  items: z.array(definitionIdSchema).min(1).max(60),
  scoring: z.enum(SCALE_SCORINGS),
  /** The least number of answered items for a scale score; fewer → no score for that person. */
  minAnswered: z.number().int().min(1),
});

/**
 * A questionnaire instrument: items with their answers, grouped into scales that are scored. Versioned:
 * once a version has been used in a wave it never changes; a changed text is a new version.
 */
export const instrumentSchema = z
  .strictObject({
    /** Stable id across versions, e.g. `class-climate-pupil`. */
    id: definitionIdSchema,
    version: definitionVersionSchema,
    name: localizedTextSchema,
    description: localizedTextSchema,
    informant: z.enum(INFORMANTS),
    /** Ages (in years) the instrument is written for; pupil instruments only. */
    ageRange: z.strictObject({ from: z.number().int().min(3).max(20), to: z.number().int().min(3).max(20) }).optional(),
    /** Where it comes from and who wrote it. */
    source: localizedTextSchema,
    /** Who may use it and on what terms (a school's own licensed scale says so here). */
    licence: localizedTextSchema,
    responseScales: z.array(responseScaleSchema).min(1).max(10),
    items: z.array(instrumentItemSchema).min(1).max(200),
    scales: z.array(instrumentScaleSchema).min(1).max(30),
  })
  .superRefine((instrument, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    const duplicates = (ids: string[], field: string) =>
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index) issue([field, index, 'id'], `duplicate id ${id}`);
      });
    duplicates(instrument.responseScales.map((scale) => scale.id), 'responseScales');
    duplicates(instrument.items.map((item) => item.id), 'items');
    duplicates(instrument.scales.map((scale) => scale.id), 'scales');
    const responseScaleIds = new Set(instrument.responseScales.map((scale) => scale.id));
    const itemById = new Map(instrument.items.map((item) => [item.id, item]));
    instrument.items.forEach((item, index) => {
      if (!responseScaleIds.has(item.responseScale)) issue(['items', index, 'responseScale'], `no response scale "${item.responseScale}"`);
    });
    const scored = new Set<string>();
    instrument.scales.forEach((scale, index) => {
      // Items with an unknown response scale are reported at the item, not again here.
      const known = scale.items.filter((itemId) => responseScaleIds.has(itemById.get(itemId)?.responseScale ?? ''));
      scale.items.forEach((itemId, itemIndex) => {
        if (!itemById.has(itemId)) issue(['scales', index, 'items', itemIndex], `no item "${itemId}"`);
        if (scale.items.indexOf(itemId) !== itemIndex) issue(['scales', index, 'items', itemIndex], `item "${itemId}" is listed twice`);
        scored.add(itemId);
      });
      if (new Set(known.map((itemId) => itemById.get(itemId)!.responseScale)).size > 1) {
        issue(['scales', index, 'items'], 'all items of a scale must use the same response scale');
      }
      if (scale.minAnswered > scale.items.length) issue(['scales', index, 'minAnswered'], `at most the scale's ${scale.items.length} items`);
    });
    instrument.items.forEach((item, index) => {
      if (!scored.has(item.id)) issue(['items', index, 'id'], `item "${item.id}" is in no scale`);
    });
    if (instrument.ageRange !== undefined) {
      if (instrument.informant !== 'pupil') issue(['ageRange'], 'only pupil instruments have an age range');
      if (instrument.ageRange.from > instrument.ageRange.to) issue(['ageRange', 'to'], 'must not be below from');
    }
  });

/** An instrument as validated. */
export type Instrument = z.infer<typeof instrumentSchema>;
/** An instrument as written in a file (`reverse` may be left out). */
export type InstrumentFile = z.input<typeof instrumentSchema>;
export type InstrumentItem = Instrument['items'][number];
export type InstrumentScale = Instrument['scales'][number];
export type ResponseScale = Instrument['responseScales'][number];

/** One person's answers to an instrument: item id → the value of the option chosen (unanswered items absent). */
export type InstrumentAnswers = ReadonlyMap<string, number>;

/** The response scale an item is answered on. */
export function responseScaleOf(instrument: Instrument, item: InstrumentItem): ResponseScale {
  const scale = instrument.responseScales.find((candidate) => candidate.id === item.responseScale);
  if (scale === undefined) throw new Error(`instrument ${instrument.id}: item ${item.id} has no response scale ${item.responseScale}`);
  return scale;
}

/** Whether `value` is one of the item's answer values. */
export function isAnswerOf(instrument: Instrument, item: InstrumentItem, value: number): boolean {
  return responseScaleOf(instrument, item).options.some((option) => option.value === value);
}

/** An answer as scored: reversed items turned round, so a higher value is always the good end. */
export function scoredValue(instrument: Instrument, item: InstrumentItem, value: number): number {
  if (!item.reverse) return value;
  const { options } = responseScaleOf(instrument, item);
  return options[0]!.value + options[options.length - 1]!.value - value;
}

/** Whether an answer (as scored) counts as favourable. */
export function isFavourable(instrument: Instrument, item: InstrumentItem, value: number): boolean {
  return scoredValue(instrument, item, value) >= responseScaleOf(instrument, item).favourableFrom;
}

/**
 * A person's score on a scale, or null when fewer than `minAnswered` of its items were answered. `mean`: the
 * mean of the answered items; `sum`: that mean times the scale's number of items, so a missed item does not
 * lower a sum (with every item answered it is the plain sum).
 */
export function scaleScore(instrument: Instrument, scale: InstrumentScale, answers: InstrumentAnswers): number | null {
  const values: number[] = [];
  for (const itemId of scale.items) {
    const value = answers.get(itemId);
    if (value === undefined) continue;
    values.push(scoredValue(instrument, itemOf(instrument, itemId), value));
  }
  if (values.length < scale.minAnswered) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return scale.scoring === 'mean' ? mean : mean * scale.items.length;
}

/** The lowest and highest score a scale can have (a sum scale: its items times the answer values), for reading a score. */
export function scaleRangeOf(instrument: Instrument, scale: InstrumentScale): { lowest: number; highest: number } {
  const { options } = responseScaleOf(instrument, itemOf(instrument, scale.items[0]!));
  const factor = scale.scoring === 'sum' ? scale.items.length : 1;
  return { lowest: options[0]!.value * factor, highest: options[options.length - 1]!.value * factor };
}

/** The item with this id; throws for an id the instrument does not have. */
export function itemOf(instrument: Instrument, itemId: string): InstrumentItem {
  const item = instrument.items.find((candidate) => candidate.id === itemId);
  if (item === undefined) throw new Error(`instrument ${instrument.id} has no item ${itemId}`);
  return item;
}

/**
 * What is wrong with a set of answers to an instrument, per item id (empty when nothing is): an item the
 * instrument does not have, or a value that is not one of the item's answers. Unanswered items are fine.
 */
export function answerProblems(instrument: Instrument, answers: InstrumentAnswers): Record<string, string> {
  const problems: Record<string, string> = {};
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  for (const [itemId, value] of answers) {
    const item = items.get(itemId);
    if (item === undefined) problems[itemId] = 'not an item of this instrument';
    else if (!isAnswerOf(instrument, item, value)) problems[itemId] = `not one of the answers ${responseScaleOf(instrument, item).options.map((option) => option.value).join(', ')}`;
  }
  return problems;
}
