import { z } from 'zod';
import { definitionIdSchema, definitionVersionSchema, localizedTextSchema } from './definition-schemas';

// THE questionnaire format: every questionnaire Groeiwijzer asks — teachers' sense of competence, class climate,
// pupils' wellbeing, the care team's trauma screening lists, and later parents' and staff's lists — is an
// instrument file in this shape, answered and scored by one engine. docs/instrument-format.md describes the file
// for people.

/** Who answers an instrument. */
export const INFORMANTS = ['teacher', 'pupil', 'parent', 'staff'] as const;
export type Informant = (typeof INFORMANTS)[number];

/** A picture for an answer, for young children who cannot read the labels yet. */
export const ANSWER_FACES = ['happy', 'neutral', 'sad'] as const;

/** How a scale's score is made from its answered items. */
export const SCALE_SCORINGS = ['mean', 'sum'] as const;

/**
 * What an instrument is for. `measurement`: asked in the effect evaluation's waves, results shown as means and
 * favourable shares under the k rule. `screening`: one pupil's symptom list the care team scores (CRIES, CATS):
 * never asked in a wave, every score needs all its items, and a total falls into a band that may propose a referral.
 * `informant`: what one person tells about one child (a parent's questionnaire, features/parents): sent to that
 * person, read as answers in words, never asked in a wave and never counted into figures — no favourable answers.
 */
export const INSTRUMENT_PURPOSES = ['measurement', 'screening', 'informant'] as const;
export type InstrumentPurpose = (typeof INSTRUMENT_PURPOSES)[number];

export const responseOptionSchema = z.strictObject({
  value: z.number().int().min(-100).max(100),
  label: localizedTextSchema,
  face: z.enum(ANSWER_FACES).optional(),
  /** The points the answer scores when they differ from its value (screening only: CRIES scores 0–3 as 0, 1, 3, 5). */
  score: z.number().int().min(0).max(100).optional(),
});

/** The answers an item offers, in the order shown (values ascending). */
export const responseScaleSchema = z
  .strictObject({
    id: definitionIdSchema,
    options: z.array(responseOptionSchema).min(2).max(11),
    /** An answer (after reversing) at or above this value counts as favourable in the results (measurement only). */
    favourableFrom: z.number().int().optional(),
  })
  .superRefine((scale, context) => {
    scale.options.forEach((option, index) => {
      if (index > 0 && option.value <= scale.options[index - 1]!.value) {
        context.addIssue({ code: 'custom', path: ['options', index, 'value'], message: 'values must rise from the first option to the last' });
      }
    });
    const values = scale.options.map((option) => option.value);
    if (scale.favourableFrom === undefined) return;
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

/** A range of a screening scale's scores, from `from` up to the next band's `from`. */
export const scoreBandSchema = z.strictObject({
  id: definitionIdSchema,
  /** The lowest score in the band; the first band starts at the scale's lowest score, the others rise. */
  from: z.number().int().min(0),
  name: localizedTextSchema,
  /** A score in this band proposes a referral to the care team (a proposal, never a diagnosis). */
  proposesReferral: z.boolean().default(false),
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
  /** Screening only: the bands a score falls into (a cut-off is the `from` of a band that proposes a referral). */
  bands: z.array(scoreBandSchema).min(2).max(6).optional(),
});

const instrumentShape = z.strictObject({
    /** Stable id across versions, e.g. `class-climate-pupil`. */
    id: definitionIdSchema,
    version: definitionVersionSchema,
    purpose: z.enum(INSTRUMENT_PURPOSES).default('measurement'),
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
});

/**
 * A questionnaire instrument: items with their answers, grouped into scales that are scored. Versioned:
 * once a version has been used in a wave it never changes; a changed text is a new version.
 */
export const instrumentSchema = instrumentShape.superRefine((instrument, context) => {
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
      if (instrument.ageRange.from > instrument.ageRange.to) issue(['ageRange', 'to'], 'must not be below from');
    }
    if (instrument.purpose === 'screening') checkScreening(instrument, issue);
    else if (instrument.purpose === 'measurement') checkMeasurement(instrument, issue);
    else checkInformant(instrument, issue);
});

type IssueAt = (path: (string | number)[], message: string) => void;

// A wave's results read answers as favourable or not, on a scale where higher is the good end.
function checkMeasurement(instrument: z.output<typeof instrumentShape>, issue: IssueAt): void {
  if (instrument.ageRange !== undefined && instrument.informant !== 'pupil') issue(['ageRange'], 'only pupil instruments have an age range');
  instrument.responseScales.forEach((scale, index) => {
    if (scale.favourableFrom === undefined) issue(['responseScales', index, 'favourableFrom'], 'is required (which answers count as favourable)');
    scale.options.forEach((option, optionIndex) => {
      if (option.score !== undefined) issue(['responseScales', index, 'options', optionIndex, 'score'], 'only a screening list scores answers apart from their value');
    });
  });
  instrument.scales.forEach((scale, index) => {
    if (scale.bands !== undefined) issue(['scales', index, 'bands'], 'only a screening list has bands');
  });
}

// An informant's answers about one child are read in words: nothing counts as favourable, nothing is banded.
function checkInformant(instrument: z.output<typeof instrumentShape>, issue: IssueAt): void {
  if (instrument.ageRange !== undefined) issue(['ageRange'], 'only pupil instruments have an age range');
  instrument.responseScales.forEach((scale, index) => {
    if (scale.favourableFrom !== undefined) issue(['responseScales', index, 'favourableFrom'], 'an informant list has no favourable answers');
  });
  instrument.scales.forEach((scale, index) => {
    if (scale.bands !== undefined) issue(['scales', index, 'bands'], 'only a screening list has bands');
  });
}

// A screening score is about one child: it is exact or absent — no prorating, no reversed items, no favourable share.
function checkScreening(instrument: z.output<typeof instrumentShape>, issue: IssueAt): void {
  instrument.responseScales.forEach((scale, index) => {
    if (scale.favourableFrom !== undefined) issue(['responseScales', index, 'favourableFrom'], 'a screening list has no favourable answers');
  });
  instrument.items.forEach((item, index) => {
    if (item.reverse) issue(['items', index, 'reverse'], 'a screening list has no reversed items');
  });
  instrument.scales.forEach((scale, index) => {
    if (scale.scoring !== 'sum') issue(['scales', index, 'scoring'], 'a screening score is the sum of its items');
    if (scale.minAnswered !== scale.items.length) issue(['scales', index, 'minAnswered'], `a screening score needs all ${scale.items.length} items`);
    scale.bands?.forEach((band, bandIndex, bands) => {
      if (bandIndex === 0 && band.from !== 0) issue(['scales', index, 'bands', 0, 'from'], 'the first band starts at 0');
      if (bandIndex > 0 && band.from <= bands[bandIndex - 1]!.from) issue(['scales', index, 'bands', bandIndex, 'from'], 'bands must rise');
    });
  });
}

/** An instrument as validated. */
export type Instrument = z.infer<typeof instrumentSchema>;
/** An instrument as written in a file (`reverse` may be left out). */
export type InstrumentFile = z.input<typeof instrumentSchema>;
export type InstrumentItem = Instrument['items'][number];
export type InstrumentScale = Instrument['scales'][number];
export type ResponseScale = Instrument['responseScales'][number];
export type ScoreBand = NonNullable<InstrumentScale['bands']>[number];

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

/**
 * An answer as scored: the option's own score where it has one (screening lists), reversed items turned round
 * (so on a measurement scale a higher value is always the good end), otherwise the value itself.
 */
export function scoredValue(instrument: Instrument, item: InstrumentItem, value: number): number {
  const { options } = responseScaleOf(instrument, item);
  const score = options.find((option) => option.value === value)?.score;
  if (score !== undefined) return score;
  if (!item.reverse) return value;
  return options[0]!.value + options[options.length - 1]!.value - value;
}

/** Whether an answer (as scored) counts as favourable; never on a screening list, which has no favourable answers. */
export function isFavourable(instrument: Instrument, item: InstrumentItem, value: number): boolean {
  const { favourableFrom } = responseScaleOf(instrument, item);
  return favourableFrom !== undefined && scoredValue(instrument, item, value) >= favourableFrom;
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
  const sum = values.reduce((total, value) => total + value, 0);
  if (scale.scoring === 'mean') return sum / values.length;
  // The plain sum when every item is answered (exact: a screening's cut-off compares whole numbers).
  return values.length === scale.items.length ? sum : (sum / values.length) * scale.items.length;
}

/** The lowest and highest score a scale can have (a sum scale: its items times the answer values), for reading a score. */
export function scaleRangeOf(instrument: Instrument, scale: InstrumentScale): { lowest: number; highest: number } {
  const item = itemOf(instrument, scale.items[0]!);
  const scores = responseScaleOf(instrument, item).options.map((option) => scoredValue(instrument, { ...item, reverse: false }, option.value));
  const factor = scale.scoring === 'sum' ? scale.items.length : 1;
  return { lowest: Math.min(...scores) * factor, highest: Math.max(...scores) * factor };
}

/** The band a screening score falls into: the last band whose `from` it reaches (null without bands or score). */
export function bandOf(scale: InstrumentScale, score: number | null): ScoreBand | null {
  if (score === null || scale.bands === undefined) return null;
  return scale.bands.filter((band) => score >= band.from).at(-1) ?? null;
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
