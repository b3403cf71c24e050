import type { TFunction } from 'i18next';
import type { ParentContactKind } from '../../../shared/parent-contacts';

// The contact log's codes as words. Each case calls t() with a literal so the extractor sees it.

/** How a contact with parents took place. */
export function contactKindLabel(t: TFunction, kind: ParentContactKind): string {
  switch (kind) {
    case 'phone':
      return t('Telefonisch');
    case 'visit':
      return t('Huisbezoek');
    case 'at_school':
      return t('Op school');
    case 'video':
      return t('Videogesprek');
    case 'other':
      return t('Anders');
  }
}
