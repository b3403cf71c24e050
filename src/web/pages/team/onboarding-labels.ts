import type { TFunction } from 'i18next';
import type { ConversationStage, GuideSectionKind } from '../../../shared/onboarding';

// The onboarding's words for its codes, in one place (each t() call holds its own literal key for the extractor).

/** The name of a kind of guide section. */
export function sectionKindLabel(t: TFunction, kind: GuideSectionKind): string {
  switch (kind) {
    case 'rules':
      return t('Afspraken');
    case 'routines':
      return t('Dagritme en routines');
    case 'safety':
      return t('Veiligheid');
    case 'who_is_who':
      return t('Wie is wie');
    case 'tso_basics':
      return t('Basis van traumasensitief werken');
    case 'other':
      return t('Overig');
  }
}

/** The title of a week of the ramp. */
export function rampWeekTitle(t: TFunction, week: number): string {
  if (week === 1) return t('Week 1: kennismaken');
  if (week === 2) return t('Week 2: een paar taken zelf doen');
  return t('Week 3: grotendeels zelfstandig, met steun dichtbij');
}

/** Where a pair stands in its ramp. */
export function rampWeekStatus(t: TFunction, week: number): string {
  if (week === 0) return t('Nog niet begonnen');
  if (week === 4) return t('Inwerken afgerond');
  return t('Week {{week}} van 3', { week });
}

/** The name of a step of the 4D cycle. */
export function stageLabel(t: TFunction, stage: ConversationStage): string {
  switch (stage) {
    case 'discover':
      return t('Ontdekken');
    case 'dream':
      return t('Dromen');
    case 'design':
      return t('Ontwerpen');
    case 'deliver':
      return t('Doen');
  }
}

/** An appreciative question to start a conversation from, per step of the 4D cycle. */
export function stagePrompt(t: TFunction, stage: ConversationStage): string {
  switch (stage) {
    case 'discover':
      return t('Wat ging er de afgelopen dagen goed, en wat deed jij daarin?');
    case 'dream':
      return t('Hoe ziet een goede dag in jouw klas eruit, over een paar maanden?');
    case 'design':
      return t('Welke kleine stap brengt je daar dichterbij, en wie kan je daarbij helpen?');
    case 'deliver':
      return t('Wat ga je de komende week proberen, en hoe merk je dat het werkt?');
  }
}
