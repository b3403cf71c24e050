import type { Kysely } from 'kysely';
import type { Database } from '../db/database';

/** The names of the installation settings (a closed set: nothing else is stored). */
export type InstallationSettingName = 'link_origin';

/** The value of an installation setting, or undefined when it was never set. */
export async function findInstallationSetting(db: Kysely<Database>, name: InstallationSettingName): Promise<string | undefined> {
  const row = await db.selectFrom('installation_settings').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value;
}

/** Stores an installation setting, replacing an earlier value. */
export async function saveInstallationSetting(db: Kysely<Database>, name: InstallationSettingName, value: string, updatedAt: string): Promise<void> {
  await db
    .insertInto('installation_settings')
    .values({ name, value, updated_at: updatedAt })
    .onConflict((conflict) => conflict.column('name').doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
}
