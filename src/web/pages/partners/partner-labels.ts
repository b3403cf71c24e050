import type { TFunction } from 'i18next';
import type { PartnerKind } from '../../../shared/partners';

/** A kind of partner organisation, as a choice in a form. */
export function partnerKindLabel(t: TFunction, kind: PartnerKind): string {
  switch (kind) {
    case 'youth_care':
      return t('Jeugdhulp');
    case 'police':
      return t('Politie');
    case 'veilig_thuis':
      return t('Veilig Thuis');
    case 'mental_health':
      return t('Geestelijke gezondheidszorg (GGZ)');
    case 'neighbourhood_team':
      return t('Wijkteam van de gemeente');
    case 'tso_trainer':
      return t('Trainer traumasensitief onderwijs');
    case 'other':
      return t('Andere organisatie');
  }
}

/** The heading above the organisations of one kind on the register page. */
export function partnerKindHeading(t: TFunction, kind: PartnerKind): string {
  switch (kind) {
    case 'youth_care':
      return t('Jeugdhulp');
    case 'police':
      return t('Politie');
    case 'veilig_thuis':
      return t('Veilig Thuis');
    case 'mental_health':
      return t('GGZ');
    case 'neighbourhood_team':
      return t('Wijkteams');
    case 'tso_trainer':
      return t('Trainers traumasensitief onderwijs');
    case 'other':
      return t('Andere organisaties');
  }
}
