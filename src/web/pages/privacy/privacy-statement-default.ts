import type { TFunction } from 'i18next';
import type { HelpSection } from '../help/help-content';

// Groeiwijzer's default privacy statement: what the product stores and who sees what, true to what the code
// does (SECURITY.md, docs/features). A school that adapts it starts from this text as plain text.

/** The default statement in the reader's language, as headed parts. */
export function defaultPrivacyStatement(t: TFunction): HelpSection[] {
  return [
    {
      heading: t('Waarvoor gebruikt de school Groeiwijzer?'),
      paragraphs: [
        t('De school werkt met Groeiwijzer aan traumasensitief onderwijs: het team schat in waar de school staat (de zelfscan), plant de volgende stappen, houdt bij wie getraind is, en leerlingen laten in de klas dagelijks zien hoe het met ze gaat (de check-in).'),
      ],
    },
    {
      heading: t('Welke gegevens staan erin?'),
      paragraphs: [
        t('Over collega\'s: naam, e-mailadres, rollen, klassen, de startdatum op school, gevolgde trainingen, acties in het plan en de antwoorden op de zelfscan.'),
        t('Over leerlingen: leerlingnummer, naam, geboortedatum en klas, overgenomen uit de leerlingadministratie. Bij een check-in: hoe het gaat, of de leerling wil praten en eventueel één woord. Na een gesprek kan de leerkracht of het zorgteam kort noteren dat het gesprek er is geweest.'),
        t('Groeiwijzer vraagt geen adressen, telefoonnummers of gegevens van ouders.'),
      ],
    },
    {
      heading: t('Wie ziet wat?'),
      paragraphs: [
        t('Een leerkracht ziet alleen de check-ins van de eigen klassen. Het zorgteam ziet de signalen van de hele school, om leerlingen te kunnen helpen. Andere kinderen zien niet wat een kind heeft ingevuld.'),
        t('De directie en de kartrekkers zien alleen anonieme cijfers per klas, en alleen als er genoeg leerlingen zijn ingecheckt. De beheerder van de school beheert leerlingen en collega\'s, maar ziet geen check-ins.'),
        t('Zelfscan-uitkomsten worden alleen per groep getoond; een groep die te klein is om anoniem te blijven, blijft verborgen. Het bestuur ziet alleen wat de school zelf deelt, en nooit namen van leerlingen of antwoorden van collega\'s.'),
      ],
    },
    {
      heading: t('Hoe worden de gegevens beschermd?'),
      paragraphs: [
        t('Notities, toelichtingen en de woorden van leerlingen worden versleuteld opgeslagen, met een sleutel die buiten de database bewaard wordt. Wie gevoelige gegevens kan zien, logt in met een tweede stap. Elke keer dat iemand gegevens van leerlingen bekijkt of wijzigt, komt in een logboek dat niet ongemerkt te veranderen is.'),
      ],
    },
    {
      heading: t('Hoe lang worden gegevens bewaard?'),
      paragraphs: [
        t('Check-ins en gespreksnotities worden standaard verwijderd zodra het schooljaar na het jaar waarin ze zijn gedaan voorbij is; alleen anonieme tellingen per klas blijven. Voor een leerling die de school verlaat, telt die termijn vanaf het vertrek.'),
      ],
    },
    {
      heading: t('Vragen of een verzoek?'),
      paragraphs: [
        t('Ouders, leerlingen en collega\'s kunnen de school vragen welke gegevens er over hen zijn, en om verbetering of verwijdering. Neem daarvoor contact op met de directie van de school of de functionaris gegevensbescherming van het bestuur.'),
      ],
    },
  ];
}

/** A statement's parts as plain text: each heading and paragraph a paragraph of its own (the form's starting text). */
export function privacyStatementAsText(sections: readonly HelpSection[]): string {
  return sections.map((section) => [section.heading, ...section.paragraphs].join('\n\n')).join('\n\n');
}

/** A stored plain text as paragraphs: blank lines separate them, single line breaks stay inside one. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}
