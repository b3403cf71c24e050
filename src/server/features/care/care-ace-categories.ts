import { z } from 'zod';
import { DEFAULT_ACE_CATEGORIES } from '../../../shared/aces';
import type { StaffCaller } from '../../access/caller';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { singleLineTextSchema } from '../../http/common.schemas';
import { aceCategoriesOf, auditWrite } from './care.service';

// ACE categories as data (issue 14): the default list (the ten classic ACEs plus bullying, poverty, a fighting
// divorce, a death) is every school's; a school's care team adds categories of its own and removes an own one that
// no answer uses. And the age at a pupil's first ACE, which the care team records when it is known.

/** A category a school may add: its name in both languages. */
export const addAceCategoryBodySchema = z.strictObject({
  name: z.strictObject({ nl: singleLineTextSchema.min(1).max(80), en: singleLineTextSchema.min(1).max(80) }),
});
export type AddAceCategoryBody = z.input<typeof addAceCategoryBodySchema>;

export const aceCategoryListSchema = z.array(z.object({ id: z.string(), name: z.object({ nl: z.string(), en: z.string() }), isOwn: z.boolean(), isUsed: z.boolean() }));
export type AceCategoryList = z.infer<typeof aceCategoryListSchema>;

export const aceCategoryParamsSchema = z.strictObject({ schoolId: z.uuid(), categoryId: z.string().regex(/^eigen-[a-z0-9-]{1,60}$/) });

export const firstAgeBodySchema = z.strictObject({ years: z.number().int().min(0).max(20).nullable() });

/** The school's categories with whether they are its own and whether any answer uses them. */
export async function listAceCategories(deps: Deps, schoolId: string): Promise<AceCategoryList> {
  const db = deps.db.kysely;
  const used = new Set((await db.selectFrom('care_ace_answers').select('category').distinct().where('school_id', '=', schoolId).execute()).map((row) => row.category));
  const defaults = new Set(DEFAULT_ACE_CATEGORIES.map((category) => category.id));
  return (await aceCategoriesOf(db, schoolId)).map((category) => ({ ...category, isOwn: !defaults.has(category.id), isUsed: used.has(category.id) }));
}

/** Adds a category of the school's own; its id is made from the Dutch name (`eigen-…`), unique within the school. */
export async function addAceCategory(deps: Deps, caller: StaffCaller, schoolId: string, body: AddAceCategoryBody): Promise<AceCategoryList> {
  const db = deps.db.kysely;
  const existing = await aceCategoriesOf(db, schoolId);
  const known = new Set(existing.map((category) => category.id));
  const names = new Set(existing.map((category) => category.name.nl.toLowerCase()));
  if (names.has(body.name.nl.trim().toLowerCase())) throw new AppError('validation_failed', { fields: { 'body.name.nl': ['already_a_category'] } });
  const base = `eigen-${slugOf(body.name.nl)}`.slice(0, 60);
  let id = base;
  for (let suffix = 2; known.has(id); suffix += 1) id = `${base}-${suffix}`;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('care_ace_categories').values({ school_id: schoolId, id, name_nl: body.name.nl, name_en: body.name.en, created_by: caller.userId, created_at: isoInstant(deps.clock.now()) }).execute();
    await auditWrite(trx, deps, caller, schoolId, null, 'care.ace_categories_changed', { added: id });
  });
  return listAceCategories(deps, schoolId);
}

/** Removes a category of the school's own that no answer uses (a used one stays: the answers would lose their meaning). */
export async function removeAceCategory(deps: Deps, caller: StaffCaller, schoolId: string, categoryId: string): Promise<AceCategoryList> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const used = await trx.selectFrom('care_ace_answers').select('id').where('school_id', '=', schoolId).where('category', '=', categoryId).executeTakeFirst();
    if (used) throw new AppError('ace_category_in_use');
    const removed = await trx.deleteFrom('care_ace_categories').where('school_id', '=', schoolId).where('id', '=', categoryId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new AppError('not_found');
    await auditWrite(trx, deps, caller, schoolId, null, 'care.ace_categories_changed', { removed: categoryId });
  });
  return listAceCategories(deps, schoolId);
}

// Lower-case words of the name joined by "-", letters with accents plain ("één" → "een").
function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'categorie' : slug;
}

/** Records (or, with null, removes) the age at the pupil's first ACE. */
export async function saveFirstAceAge(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, years: number | null): Promise<void> {
  const sealed = years === null ? null : await deps.fieldCrypto.encrypt(encryptedFieldRef('care_ace_first_ages', 'years_encrypted', [pupilId]), String(years));
  const now = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('care_ace_first_ages').where('pupil_id', '=', pupilId).execute();
    if (sealed !== null) await trx.insertInto('care_ace_first_ages').values({ pupil_id: pupilId, school_id: schoolId, years_encrypted: sealed, recorded_by: caller.userId, recorded_at: now }).execute();
    await auditWrite(trx, deps, caller, schoolId, pupilId, 'care.aces_recorded', { firstAge: years === null ? 'removed' : 'recorded' });
  });
}
