import type { TFunction } from 'i18next';
import type { IntervisionKind, TsoCoreConcept } from '../../../shared/intervision';

// The words of the intervision log's codes, one literal t() each (the extractor reads them).

/** A kind of session in words. */
export function intervisionKindLabel(t: TFunction, kind: IntervisionKind): string {
  return kind === 'intervision' ? t('Intervisie') : t('Supervisie');
}

/** A TSO core concept in words. */
export function coreConceptLabel(t: TFunction, concept: TsoCoreConcept): string {
  switch (concept) {
    case 'stress':
      return t('Stress');
    case 'trauma':
      return t('Trauma en ingrijpende jeugdervaringen');
    case 'brain':
      return t('Het brein');
    case 'relationship':
      return t('Relatie');
    case 'regulation':
      return t('Regulatie');
    case 'window_of_tolerance':
      return t('Het raampje (window of tolerance)');
    case 'staff_wellbeing':
      return t('Welzijn van het team');
  }
}
