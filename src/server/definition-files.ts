import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { LocalizedText } from '../shared/definition-schemas';
import { CONTROL_CHARACTERS_REFUSED, isMultiLineText, isSingleLineText } from '../shared/plain-text';
import { AppError } from './errors';

// Definition files: the JSON the product ships and schools import — development models, questionnaire
// instruments — read from a folder, checked by their zod schema, and frozen so no caller changes another's.

/** What a folder of definitions holds, for messages ("development model", "instrument"). */
export interface DefinitionKind<Definition> {
  what: string;
  schema: z.ZodType<Definition>;
  /** One definition per key in a folder, e.g. `${id}@${version}`. */
  keyOf: (definition: Definition) => string;
}

/**
 * Reads and validates every `*.json` definition in a folder, in file-name order; throws an Error naming the file
 * and the first issues when a file is not valid JSON, breaks the format, or repeats another file's key.
 */
export function readDefinitionDirectory<Definition>(directory: string, kind: DefinitionKind<Definition>): Definition[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort();
  const seen = new Map<string, string>();
  return files.map((file) => {
    const definition = readDefinitionFile(join(directory, file), file, kind);
    const key = kind.keyOf(definition);
    const earlier = seen.get(key);
    if (earlier) throw new Error(`${kind.what} ${file}: ${key} is already defined in ${earlier}`);
    seen.set(key, file);
    return deepFreeze(definition);
  });
}

/**
 * Validates a definition a school imports; throws AppError('validation_failed') with one entry per field path,
 * each prefixed with `fieldPrefix` (e.g. `body.definition.`) so it matches where it sat in the request.
 */
export function parseImportedDefinition<Definition>(json: unknown, schema: z.ZodType<Definition>, what: string, fieldPrefix = ''): Definition {
  const result = schema.safeParse(json);
  if (!result.success) {
    const fields = Object.fromEntries(Object.entries(fieldErrorsOf(result.error)).map(([path, messages]) => [`${fieldPrefix}${path}`, messages]));
    throw new AppError('validation_failed', { fields, detail: `invalid ${what}` });
  }
  return result.data;
}

/**
 * For an imported definition's superRefine: names stand on one line (they reach menus, PDFs and mails),
 * descriptions may hold paragraphs; control characters are refused in both, each at its own path and language.
 */
export function localizedTextChecker(context: z.RefinementCtx): (text: LocalizedText | undefined, path: (string | number)[], form: 'line' | 'paragraphs') => void {
  return (text, path, form) => {
    if (text === undefined) return;
    for (const locale of ['nl', 'en'] as const) {
      if (!(form === 'line' ? isSingleLineText(text[locale]) : isMultiLineText(text[locale]))) {
        context.addIssue({ code: 'custom', path: [...path, locale], message: CONTROL_CHARACTERS_REFUSED });
      }
    }
  };
}

/**
 * Turns zod issues into `{ "layers.0.aspects.1.id": ["…"] }`; an unknown field is reported at its own path
 * (zod reports it at the parent object) so the reader sees which key to remove.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  // No prototype: a field named like an Object method ("valueOf", "constructor") is a key like any other.
  const fields: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
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

function readDefinitionFile<Definition>(path: string, file: string, kind: DefinitionKind<Definition>): Definition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`${kind.what} ${file}: not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
  const result = kind.schema.safeParse(json);
  if (!result.success) {
    const issues = Object.entries(fieldErrorsOf(result.error))
      .slice(0, 5)
      .map(([field, messages]) => `${field}: ${messages.join('; ')}`);
    throw new Error(`${kind.what} ${file} is invalid: ${issues.join(' | ')}`, { cause: result.error });
  }
  return result.data;
}

// The cached definitions are shared by every caller; freezing stops one caller from changing another's.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
