import { fileURLToPath } from 'node:url';
import type { CompetenceProfile } from '../../../shared/competence-profile';
import { competenceProfileSchema } from '../../../shared/competence-profile-schema';
import { localizedTextChecker, parseImportedDefinition, readDefinitionDirectory } from '../../definition-files';
import { shippedModelId } from '../selfscan/selfscan.service';

// The competence profiles (issue 17) through THE definition-file machinery of the development models: the shipped
// files in competence-profiles/ are read and checked once and frozen; a school's import is checked field by field.

const SHIPPED_PROFILES_DIRECTORY = fileURLToPath(new URL('./competence-profiles/', import.meta.url));

let shippedProfiles: readonly CompetenceProfile[] | undefined;

/** The competence profiles Groeiwijzer ships, validated once and frozen. */
export function loadShippedProfiles(): CompetenceProfile[] {
  shippedProfiles ??= readProfileDirectory(SHIPPED_PROFILES_DIRECTORY);
  return [...shippedProfiles];
}

/** Reads and validates every `*.json` profile in a folder; throws an Error naming the file on the first problem. */
export function readProfileDirectory(directory: string): CompetenceProfile[] {
  return readDefinitionDirectory(directory, { what: 'competence profile', schema: competenceProfileSchema, keyOf: (profile) => `${profile.id}@${profile.version}` });
}

/** Validates an imported profile; throws AppError('validation_failed') with paths under `body.definition.`. */
export function parseProfileDefinition(json: unknown): CompetenceProfile {
  return parseImportedDefinition(json, importedProfileSchema, 'competence profile', 'body.definition.');
}

/** The id of a shipped profile version: name-based like a shipped model's, so every installation stores the same row once. */
export function shippedProfileId(profileKey: string, version: string): string {
  return shippedModelId(`competence-profile:${profileKey}`, version);
}

// Names stand on one line; descriptions and indicators may hold paragraphs. Checked on import only.
const importedProfileSchema = competenceProfileSchema.superRefine((profile, context) => {
  const check = localizedTextChecker(context);
  check(profile.name, ['name'], 'line');
  check(profile.source, ['source'], 'paragraphs');
  for (const step of ['1', '2', '3', '4'] as const) check(profile.steps[step], ['steps', step], 'line');
  profile.competences.forEach((competence, competenceIndex) => {
    check(competence.name, ['competences', competenceIndex, 'name'], 'line');
    check(competence.description, ['competences', competenceIndex, 'description'], 'paragraphs');
    competence.indicators.forEach((indicator, indicatorIndex) => check(indicator.text, ['competences', competenceIndex, 'indicators', indicatorIndex, 'text'], 'paragraphs'));
  });
});
