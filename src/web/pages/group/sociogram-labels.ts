import type { TFunction } from 'i18next';
import type { CdcStatus, NbStatus } from '../../api/sociogram-types';

/** A question's wording in the page's language (a school's own question has one wording for both). */
export function questionText(question: { text: { nl: string; en: string } }, language: string): string {
  return language.startsWith('en') ? question.text.en : question.text.nl;
}

// The words the pages use for the two status methods' groups: warm and descriptive, never a label for a child. The
// method's own English name stays available in the explanation for people who know the literature.

/** A status group in plain, non-stigmatising words. */
export function statusLabel(t: TFunction, status: CdcStatus | NbStatus): string {
  switch (status) {
    case 'popular':
      return t('Veel gekozen');
    case 'rejected':
      return t('Vaak "liever niet" genoemd');
    case 'neglected':
      return t('Weinig genoemd');
    case 'controversial':
      return t('Gemengde reacties');
    case 'average':
      return t('Gemiddeld');
    case 'unclassified':
      return t('Niet in te delen');
  }
}

/** What a status group means, in a sentence. */
export function statusExplanation(t: TFunction, status: CdcStatus | NbStatus): string {
  switch (status) {
    case 'popular':
      return t('Veel klasgenoten kiezen dit kind en weinigen noemen het bij "liever niet" (in de literatuur: popular).');
    case 'rejected':
      return t('Dit kind wordt vaker bij "liever niet" genoemd dan gekozen. Het heeft nu extra hulp nodig om erbij te horen (rejected).');
    case 'neglected':
      return t('Dit kind wordt bij geen enkele vraag vaak genoemd: het valt weinig op in de groep. Vraag je af of het zich gezien voelt (neglected).');
    case 'controversial':
      return t('Dit kind wordt vaak gekozen én vaak bij "liever niet" genoemd: het roept verschillende reacties op (controversial).');
    case 'average':
      return t('Dit kind wordt ongeveer zo vaak genoemd als je in deze klas zou verwachten (average).');
    case 'unclassified':
      return t('De cijfers passen bij geen van de groepen van deze methode. Dat zegt niets over het kind; kijk naar de andere methode en naar wat je zelf ziet.');
  }
}
