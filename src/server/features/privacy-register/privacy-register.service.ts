import type { Locale } from '../../../shared/roles';
import type { Deps } from '../../deps';
import { isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { careRetentionReport } from '../care/care-retention';
import { findBoard, findSchool } from '../tenancy/tenancy.repository';
import { dataLocationOf, SECURITY_MEASURES, subProcessorsOf } from './dpia-pack';
import { buildRegister, type CareTerms, DEFAULT_CARE_TERMS } from './privacy-register';
import type { DpiaPack } from './privacy-register.pdf';
import type { ProcessingRegister } from './privacy-register.schemas';

// The register of one school (with its own care terms) or of a board (with the default terms), and the DPIA pack
// around it. Nothing here is about a person, so reading it is not audited (like the privacy statement).

/** The processing register of a school: its care data is described with the terms the school set. */
export async function schoolRegister(deps: Deps, schoolId: string, locale: Locale): Promise<ProcessingRegister> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  // The care retention's own report (its dry run) is where a school's terms are read; its counts are not used here.
  const report = await careRetentionReport(deps.db.kysely, deps.clock, schoolId);
  const careTerms: CareTerms = new Map(report.categories.map((category) => [category.category, { months: category.months, isDefault: category.isDefault }]));
  return {
    scope: { kind: 'school', name: school.name },
    generatedAt: isoInstant(deps.clock.now()),
    categories: buildRegister({ config: deps.config, careTerms, isSchool: true }, locale),
  };
}

/** The processing register of a board: the default care terms, which each school may change. */
export async function boardRegister(deps: Deps, boardId: string, locale: Locale): Promise<ProcessingRegister> {
  const board = await findBoard(deps.db.kysely, boardId);
  if (!board) throw new AppError('not_found');
  return {
    scope: { kind: 'board', name: board.name },
    generatedAt: isoInstant(deps.clock.now()),
    categories: buildRegister({ config: deps.config, careTerms: DEFAULT_CARE_TERMS, isSchool: false }, locale),
  };
}

/** The DPIA input pack around a register: this installation's measures, sub-processors and data location. */
export function dpiaPackOf(deps: Deps, register: ProcessingRegister, locale: Locale): DpiaPack {
  return { register, measures: SECURITY_MEASURES, subProcessors: subProcessorsOf(deps.config, locale), location: dataLocationOf(deps, locale) };
}
