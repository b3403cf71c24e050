import { fileURLToPath } from 'node:url';
import { developmentModelSchema, type DevelopmentModel } from '../../../shared/selfscan-model';
import { localizedTextChecker, parseImportedDefinition, readDefinitionDirectory } from '../../definition-files';

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
  return readDefinitionDirectory(directory, { what: 'development model', schema: developmentModelSchema, keyOf: (model) => `${model.id}@${model.version}` });
}

/**
 * Validates an imported model definition; throws AppError('validation_failed') with one entry per field path,
 * each path prefixed with `fieldPrefix` (e.g. `body.definition.`) so it matches where the model sat in the request.
 */
export function parseModelDefinition(json: unknown, options: { fieldPrefix?: string } = {}): DevelopmentModel {
  return parseImportedDefinition(json, importedModelSchema, 'development model', options.fieldPrefix);
}

// An imported model's names stand on one line; its descriptions may hold paragraphs. Checked on import only:
// a stored model is read as it was accepted.
const importedModelSchema = developmentModelSchema.superRefine((model, context) => {
  const check = localizedTextChecker(context);
  check(model.name, ['name'], 'line');
  check(model.source, ['source'], 'paragraphs');
  for (const phase of ['1', '2', '3', '4'] as const) check(model.phases[phase], ['phases', phase], 'line');
  model.layers.forEach((layer, layerIndex) => {
    check(layer.name, ['layers', layerIndex, 'name'], 'line');
    check(layer.description, ['layers', layerIndex, 'description'], 'paragraphs');
    layer.aspects.forEach((aspect, aspectIndex) => {
      check(aspect.name, ['layers', layerIndex, 'aspects', aspectIndex, 'name'], 'line');
      for (const phase of ['1', '2', '3', '4'] as const) check(aspect.descriptors[phase], ['layers', layerIndex, 'aspects', aspectIndex, 'descriptors', phase], 'paragraphs');
    });
  });
});
