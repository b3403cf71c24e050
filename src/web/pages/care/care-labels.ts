import type { TFunction } from 'i18next';
import type { AceAnswer, AceInformant } from '../../../shared/aces';
import type { BottomUpHelp, CareRetentionCategory, KeyPersonRelation, ScreeningInformant } from '../../../shared/care';

// The care pages' words for the codes the API uses. Each a switch, so a new code without words fails the typecheck.

/** Who said something about an ACE. */
export function aceInformantLabel(t: TFunction, informant: AceInformant): string {
  switch (informant) {
    case 'pupil':
      return t('Leerling');
    case 'parent':
      return t('Ouders');
    case 'file':
      return t('Dossier');
  }
}

export function aceAnswerLabel(t: TFunction, answer: AceAnswer): string {
  switch (answer) {
    case 'yes':
      return t('Ja');
    case 'no':
      return t('Nee');
    case 'unknown':
      return t('Onbekend');
  }
}

export function bottomUpLabel(t: TFunction, help: BottomUpHelp): string {
  switch (help) {
    case 'movement':
      return t('Bewegen');
    case 'sensory':
      return t('Iets voelen, horen of vasthouden (zintuiglijk)');
    case 'breathing':
      return t('Ademhaling');
    case 'quiet-place':
      return t('Een rustige plek');
  }
}

export function relationLabel(t: TFunction, relation: KeyPersonRelation): string {
  switch (relation) {
    case 'parent':
      return t('Ouder');
    case 'carer':
      return t('Verzorger');
    case 'coach':
      return t('Coach of trainer');
    case 'youth-worker':
      return t('Jeugdwerker of hulpverlener');
    case 'other':
      return t('Iemand anders');
  }
}

export function screeningInformantLabel(t: TFunction, informant: ScreeningInformant): string {
  switch (informant) {
    case 'pupil':
      return t('De leerling zelf');
    case 'parent':
      return t('Ouder of verzorger');
  }
}

export function retentionCategoryLabel(t: TFunction, category: CareRetentionCategory): string {
  switch (category) {
    case 'plans':
      return t('Vertrouwde volwassenen en steunplannen');
    case 'aces':
      return t('Ingrijpende jeugdervaringen');
    case 'screenings':
      return t('Screenings');
    case 'conversations':
      return t('Kindgesprekken');
    case 'referrals':
      return t('Verwijzingen');
    case 'meldcode':
      return t('Meldcodezaken');
    case 'break_glass':
      return t('Noodtoegang');
  }
}
