import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// Each contract type is inferred once, in the `*.schemas.ts` file beside its schema (`export type X =
// z.infer<typeof xSchema>`); services, routes and the web import that type. Inferring it a second time lets
// two names drift apart for one contract, so this test fails where that creeps back in.

const ROOT = join(import.meta.dirname, '..');

// TODO(check-in contract types): the check-in feature still infers its types outside its schemas file; it was
// being reworked while the others moved. Move its types into checkin.schemas.ts, then empty this list.
const CHECKIN_PATHS_STILL_INFERRING: readonly string[] = [];

/** A type inferred from a schema: `z.infer<…>`, `z.input<…>` or `z.output<…>`. */
const INFERRED_TYPE = /\bz\.(?:infer|input|output)</;

/** Every file under `folder` (relative to the repository, with forward slashes) whose name passes `keep`. */
function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The lines of a file that infer a type from a schema, as `path:line: text`. */
function inferringLines(path: string): string[] {
  return readFileSync(join(ROOT, path), 'utf8')
    .split('\n')
    .flatMap((line, index) => (INFERRED_TYPE.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : []));
}

const isExempt = (path: string) => CHECKIN_PATHS_STILL_INFERRING.some((exempt) => path.startsWith(exempt));

// The staff SPA (src/web) and the pupil page it builds (src/pupil) only ever import the schemas' types.
const webFiles = [...filesUnder('src/web', (name) => /\.tsx?$/.test(name)), ...filesUnder('src/pupil', (name) => /\.tsx?$/.test(name))];
const serviceAndRouteFiles = filesUnder('src/server', (name) => /\.(service|routes)\.ts$/.test(name));

describe('contract types', () => {
  it('recognises an inferred type and not a re-exported one', () => {
    expect(INFERRED_TYPE.test('export type Pupil = z.infer<typeof pupilSchema>;')).toBe(true);
    expect(INFERRED_TYPE.test('export type ImportMapping = z.input<typeof mappingSchema>;')).toBe(true);
    expect(INFERRED_TYPE.test("export type { Pupil } from '../../server/features/pupils/pupils.schemas';")).toBe(false);
  });

  it('are never inferred in the web app: it imports the types the schemas export', () => {
    expect(webFiles.length).toBeGreaterThan(50);
    expect(webFiles.filter((path) => !isExempt(path)).flatMap(inferringLines)).toEqual([]);
  });

  it('are never inferred in a service or route: they import the types the schemas export', () => {
    expect(serviceAndRouteFiles.length).toBeGreaterThan(30);
    expect(serviceAndRouteFiles.filter((path) => !isExempt(path)).flatMap(inferringLines)).toEqual([]);
  });

  it('keep no exemption that is no longer needed', () => {
    const stillInferring = (exempt: string) => [...webFiles, ...serviceAndRouteFiles].some((path) => path.startsWith(exempt) && inferringLines(path).length > 0);
    expect(CHECKIN_PATHS_STILL_INFERRING.filter((exempt) => !stillInferring(exempt))).toEqual([]);
  });
});
