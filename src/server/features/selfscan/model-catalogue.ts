import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { CONTROL_CHARACTERS_REFUSED, isMultiLineText, isSingleLineText } from '../../../shared/plain-text';
import { developmentModelSchema, type DevelopmentModel, type LocalizedText } from '../../../shared/selfscan-model';
import { AppError } from '../../errors';

const SHIPPED_MODELS_DIRECTORY = fileURLToPath(new URL('./models/', import.meta.url));

// Read once per process: the shipped files only change with a new release.
let shippedModels: readonly DevelopmentModel[] | undefined;

/** The development models Groeiwijzer ships (the TSO development model), validated once and frozen. */
export function loadShippedModels(): DevelopmentModel[] {
  shippedModels ??= readModelDirectory(SHIPPED_MODELS_DIRECTORY);
  return [...shippedModels];
}

/**
 * Reads and validates every `*.json` model in a folder, in file-name order; throws an Error naming the file and
 * the first issues when a file is not valid JSON, breaks the format, or repeats another file's id and version.
 */
export function readModelDirectory(directory: string): DevelopmentModel[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort();
  const seen = new Map<string, string>();
  return files.map((file) => {
    const model = readModelFile(join(directory, file), file);
    const key = `${model.id}@${model.version}`;
    const earlier = seen.get(key);
    if (earlier) throw new Error(`development model ${file}: ${key} is already defined in ${earlier}`);
    seen.set(key, file);
    return deepFreeze(model);
  });
}

/**
 * Validates an imported model definition; throws AppError('validation_failed') with one entry per field path,
 * each path prefixed with `fieldPrefix` (e.g. `body.definition.`) so it matches where the model sat in the request.
 */
export function parseModelDefinition(json: unknown, options: { fieldPrefix?: string } = {}): DevelopmentModel {
  const result = importedModelSchema.safeParse(json);
  if (!result.success) {
    const prefix = options.fieldPrefix ?? '';
    const fields = Object.fromEntries(Object.entries(fieldErrorsOf(result.error)).map(([path, messages]) => [`${prefix}${path}`, messages]));
    throw new AppError('validation_failed', { fields, detail: 'invalid development model' });
  }
  return result.data;
}

// An imported model's names stand on one line (they reach menus, PDFs and the plan's weekly mail); its
// descriptions may hold paragraphs. Checked on import only: a stored model is read as it was accepted.
const importedModelSchema = developmentModelSchema.superRefine((model, context) => {
  const check = (text: LocalizedText, path: (string | number)[], isName: boolean) => {
    for (const locale of ['nl', 'en'] as const) {
      if (!(isName ? isSingleLineText(text[locale]) : isMultiLineText(text[locale]))) {
        context.addIssue({ code: 'custom', path: [...path, locale], message: CONTROL_CHARACTERS_REFUSED });
      }
    }
  };
  check(model.name, ['name'], true);
  check(model.source, ['source'], false);
  for (const phase of ['1', '2', '3', '4'] as const) check(model.phases[phase], ['phases', phase], true);
  model.layers.forEach((layer, layerIndex) => {
    check(layer.name, ['layers', layerIndex, 'name'], true);
    check(layer.description, ['layers', layerIndex, 'description'], false);
    layer.aspects.forEach((aspect, aspectIndex) => {
      check(aspect.name, ['layers', layerIndex, 'aspects', aspectIndex, 'name'], true);
      for (const phase of ['1', '2', '3', '4'] as const) check(aspect.descriptors[phase], ['layers', layerIndex, 'aspects', aspectIndex, 'descriptors', phase], false);
    });
  });
});

/**
 * Turns zod issues into `{ "layers.0.aspects.1.id": ["…"] }`; an unknown field is reported at its own path
 * (zod reports it at the parent object) so the reader sees which key to remove.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const add = (path: readonly PropertyKey[], message: string) => {
    const key = path.length === 0 ? '(root)' : path.map(String).join('.');
    (fields[key] ??= []).push(message);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'unknown field');
    } else {
      add(issue.path, issue.message);
    }
  }
  return fields;
}

function readModelFile(path: string, file: string): DevelopmentModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`development model ${file}: not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
  const result = developmentModelSchema.safeParse(json);
  if (!result.success) {
    const issues = Object.entries(fieldErrorsOf(result.error))
      .slice(0, 5)
      .map(([field, messages]) => `${field}: ${messages.join('; ')}`);
    throw new Error(`development model ${file} is invalid: ${issues.join(' | ')}`, { cause: result.error });
  }
  return result.data;
}

// The cached models are shared by every caller; freezing stops one caller from changing another's model.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
