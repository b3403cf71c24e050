import type { Selectable } from 'kysely';

/** One setting of the installation (not of a board or school), e.g. the pinned link origin. */
export interface InstallationSettingsTable {
  name: string;
  value: string;
  updated_at: string;
}

export type InstallationSettingRow = Selectable<InstallationSettingsTable>;
