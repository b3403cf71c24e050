import type { TFunction } from 'i18next';
import type { AceAnswer, AceInformant } from '../../../shared/aces';
import type { BottomUpHelp, CareRetentionCategory, KeyPersonRelation, ScreeningInformant } from '../../../shared/care';
import type { MeldcodeOutcome } from '../../../shared/meldcode';
import type { ReferralStatus } from '../../../shared/referrals';

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
    case 'parent_contacts':
      return t('Contactlog met ouders');
  }
}

/** Where a referral stands. */
export function referralStatusLabel(t: TFunction, status: ReferralStatus): string {
  switch (status) {
    case 'proposed':
      return t('Voorgesteld');
    case 'discussed_with_parents':
      return t('Besproken met de ouders');
    case 'sent':
      return t('Verstuurd');
    case 'waiting':
      return t('Op de wachtlijst');
    case 'in_care':
      return t('In zorg');
    case 'ended':
      return t('Afgesloten');
  }
}

/** How a meldcode case ended. */
export function meldcodeOutcomeLabel(t: TFunction, outcome: MeldcodeOutcome): string {
  switch (outcome) {
    case 'help_offered':
      return t('Hulp aangeboden of georganiseerd');
    case 'reported':
      return t('Gemeld bij Veilig Thuis');
    case 'reported_and_help':
      return t('Gemeld bij Veilig Thuis en hulp georganiseerd');
    case 'no_concern':
      return t('De zorg is weggenomen: geen vermoeden van onveiligheid');
  }
}
