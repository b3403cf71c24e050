import type { TFunction } from 'i18next';
import type { BoardRole, SchoolRole } from '../../shared/roles';

// Apart from the other labels (labels.ts) because the home page shows role names: so the entry script carries only
// these, not every label of the app.

/** The name of a school or board role. */
export function roleLabel(t: TFunction, role: SchoolRole | BoardRole): string {
  switch (role) {
    case 'board_admin':
      return t('Bestuursbeheerder');
    case 'school_admin':
      return t('Schoolbeheerder');
    case 'leadership':
      return t('Directie');
    case 'tso_lead':
      return t('TSO-kartrekker');
    case 'teacher':
      return t('Leerkracht');
    case 'care_team':
      return t('Zorgteam');
  }
}
