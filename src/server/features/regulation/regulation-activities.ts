import { fileURLToPath } from 'node:url';
import { parseImportedDefinition, readDefinitionDirectory } from '../../definition-files';
import { type RegulationActivity, regulationActivitySchema } from './regulation-activity.schema';

const SHIPPED_ACTIVITIES_DIRECTORY = fileURLToPath(new URL('./activities/', import.meta.url));

// Read once per process: the shipped files only change with a new release.
let shippedActivities: readonly RegulationActivity[] | undefined;

/** The regulation activities Groeiwijzer ships, validated once, frozen, sorted by id (one file per id). */
export function loadShippedActivities(): RegulationActivity[] {
  shippedActivities ??= readActivityDirectory(SHIPPED_ACTIVITIES_DIRECTORY);
  return [...shippedActivities];
}

/**
 * Reads and validates every `*.json` activity in a folder; throws an Error naming the file and the first fields
 * that are wrong, or the two files that share an id. Sorted by id, so the order never depends on file names.
 */
export function readActivityDirectory(directory: string): RegulationActivity[] {
  const activities = readDefinitionDirectory(directory, { what: 'regulation activity', schema: regulationActivitySchema, keyOf: (activity) => activity.id });
  return activities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Validates an activity a school adds itself, in the shipped format; throws AppError('validation_failed') with one
 * entry per field path (e.g. `steps.2.en`), each prefixed with `fieldPrefix` to match where it sat in the request.
 */
export function parseSchoolActivity(json: unknown, options: { fieldPrefix?: string } = {}): RegulationActivity {
  return parseImportedDefinition(json, regulationActivitySchema, 'regulation activity', options.fieldPrefix);
}
