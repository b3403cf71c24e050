import type { Locale } from '../../../shared/roles';
import { kekSourceOf } from '../../crypto/kek';
import type { Deps } from '../../deps';
import type { BilingualText } from './register-categories';

// What a privacy officer needs beside the register for a DPIA (data protection impact assessment): the security
// measures, the sub-processors and where the data lives. The measures summarise SECURITY.md, one per `##` heading
// (the English title IS the heading); dpia-pack.test.ts fails when SECURITY.md gains, loses or renames a heading,
// so the summary cannot drift from the document it stands for.

/** One security measure: a `##` heading of SECURITY.md with a short summary in both languages. */
export interface SecurityMeasure {
  /** The heading exactly as SECURITY.md writes it (also the English title). */
  heading: string;
  title: BilingualText;
  summary: BilingualText;
}

/** The `##` headings of SECURITY.md the pack leaves out, with why: they are not a measure. */
export const SECURITY_HEADINGS_LEFT_OUT: Readonly<Record<string, string>> = {
  'Figures from the last full run': 'test figures of the development machine, not a measure of an installation',
};

/** The security measures of SECURITY.md, in its order. */
export const SECURITY_MEASURES: readonly SecurityMeasure[] = [
  {
    heading: 'Reporting a vulnerability',
    title: { nl: 'Een kwetsbaarheid melden', en: 'Reporting a vulnerability' },
    summary: {
      nl: 'Kwetsbaarheden worden vertrouwelijk gemeld bij het project, krijgen binnen vijf werkdagen antwoord en worden met voorrang opgelost; scholen krijgen de kans bij te werken voordat een advies verschijnt.',
      en: 'Vulnerabilities are reported to the project in confidence, answered within five working days and fixed with priority; schools get the chance to update before an advisory is published.',
    },
  },
  {
    heading: 'Threat model in a page',
    title: { nl: 'Dreigingsmodel', en: 'Threat model in a page' },
    summary: {
      nl: 'Wat beschermd wordt (eerst notities en signalen over leerlingen), door wie het bedreigd kan worden (nieuwsgierige collega’s, aanvallers van buiten, wie een kopie van de database krijgt) en welke maatregel daartegen werkt.',
      en: 'What is protected (notes and signals about pupils first), who might threaten it (curious colleagues, outside attackers, whoever obtains a copy of the database) and which control answers each threat.',
    },
  },
  {
    heading: 'Design decisions an assessor asks about',
    title: { nl: 'Ontwerpkeuzes', en: 'Design decisions an assessor asks about' },
    summary: {
      nl: 'Sessies aan de serverkant met beperkte duur, wachtwoorden met argon2id, beperking van inlogpogingen zonder accounts te blokkeren, tweestapsverificatie, beveiligingsheaders en een strikte Content Security Policy.',
      en: 'Server-side sessions of limited length, passwords with argon2id, throttled sign-in without locking accounts, two-step verification, security headers and a strict Content Security Policy.',
    },
  },
  {
    heading: 'Access: one caller, accounts with a home, two people for care roles',
    title: { nl: 'Toegang: rollen, need-to-know en vier ogen voor zorgrollen', en: 'Access: one caller, accounts with a home, two people for care roles' },
    summary: {
      nl: 'Elke route heeft een vaste regel uit één tabel van rechten; een leerkracht ziet alleen de eigen klassen; een zorgrol vraagt de goedkeuring van een tweede persoon; noodtoegang kost een reden en het wachtwoord en wordt gemeld aan het zorgteam.',
      en: 'Every route has one rule from a single permission table; a teacher sees their own classes only; a care role needs a second person’s approval; break-glass needs a reason and the password and is reported to the care team.',
    },
  },
  {
    heading: 'Anonymous figures: one k rule',
    title: { nl: 'Anonieme cijfers: één minimale groepsgrootte', en: 'Anonymous figures: one k rule' },
    summary: {
      nl: 'Elk anoniem cijfer volgt één regel: een groep kleiner dan de minimale groepsgrootte van het bestuur (nooit onder 3) wordt niet getoond, ook niet door aftrekken.',
      en: 'Every anonymous figure follows one rule: a group smaller than the board’s minimum group size (never below 3) is never shown, not even by subtraction.',
    },
  },
  {
    heading: 'The MFA exception: pupils and parents',
    title: { nl: 'Leerlingen en ouders zonder tweestapsverificatie', en: 'The MFA exception: pupils and parents' },
    summary: {
      nl: 'Leerlingen en ouders loggen in met codes en links die smal, kortlevend, gehasht en beperkt in aantal pogingen zijn; ze kunnen alleen hun eigen invoer doen.',
      en: 'Pupils and parents sign in with codes and links that are narrow, short-lived, hashed and rate-limited; they can only submit their own input.',
    },
  },
  {
    heading: 'Keys and field encryption',
    title: { nl: 'Sleutels en veldversleuteling', en: 'Keys and field encryption' },
    summary: {
      nl: 'Vrije tekst over leerlingen en andere bijzondere velden worden in de applicatie versleuteld (AES-256-GCM) voordat ze de database bereiken; de hoofdsleutel staat nooit in de database of een back-up.',
      en: 'Free text about pupils and other special fields are encrypted in the application (AES-256-GCM) before they reach the database; the master key never enters the database or a backup.',
    },
  },
  {
    heading: 'Audit log',
    title: { nl: 'Logboek', en: 'Audit log' },
    summary: {
      nl: 'Een logboek dat alleen kan groeien (hash-keten, triggers weigeren wijzigen en verwijderen) legt vast wie wat deed of inzag, zonder vrije tekst over een leerling.',
      en: 'An append-only log (hash chain, triggers refuse updates and deletes) records who did or read what, without free text about a pupil.',
    },
  },
  {
    heading: 'Durability',
    title: { nl: 'Duurzaamheid van gegevens', en: 'Durability' },
    summary: {
      nl: 'Elke wijziging staat vast op schijf voordat het antwoord gaat; de server start niet met onveilige database-instellingen; back-up en herstel worden getest.',
      en: 'Every change is on disk before the answer is sent; the server refuses unsafe database settings; backup and restore are tested.',
    },
  },
  {
    heading: 'ASVS 5.0 level 2: what covers what',
    title: { nl: 'OWASP ASVS 5.0 niveau 2', en: 'ASVS 5.0 level 2: what covers what' },
    summary: {
      nl: 'Per eis van OWASP ASVS 5.0 niveau 2 die van toepassing is: hoe Groeiwijzer eraan voldoet en welke test dat bewijst.',
      en: 'For each applicable OWASP ASVS 5.0 level 2 requirement: how Groeiwijzer meets it and which test proves it.',
    },
  },
];

/** The `##` headings of a markdown text, in order. */
export function secondLevelHeadings(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3).trim());
}

/** A sub-processor (AVG art. 28): someone outside the school board who processes data for it. */
export interface SubProcessor {
  name: string;
  role: string;
}

/** The sub-processors of this installation: none by default; a configured SMTP server may be one. */
export function subProcessorsOf(config: Deps['config'], locale: Locale): SubProcessor[] {
  if (!config.smtpUrl) return [];
  // Only the host: the URL may hold the mail account's password.
  const host = new URL(config.smtpUrl).hostname;
  return [
    {
      name: locale === 'nl' ? `Mailprovider (SMTP-server ${host})` : `Mail provider (SMTP server ${host})`,
      role:
        locale === 'nl'
          ? 'Verstuurt mails aan medewerkers (uitnodigingen, herstellinks, herinneringen; nooit gegevens over een leerling). Wie deze server beheert en niet het bestuur zelf is, is mogelijk een subverwerker: leg dat vast in een verwerkersovereenkomst.'
          : 'Sends mails to staff (invitations, reset links, reminders; never data about a pupil). Whoever runs this server, if not the board itself, may be a sub-processor: cover it in a processing agreement.',
    },
  ];
}

/** Where the data and the master key live, as words (never a password or the key itself). */
export function dataLocationOf(deps: Pick<Deps, 'config' | 'db'>, locale: Locale): { database: string; key: string } {
  const nl = locale === 'nl';
  const { dialect, location } = deps.db;
  let database: string;
  if (dialect === 'sqlite') {
    database = nl ? `SQLite-bestand op de server: ${location}` : `SQLite file on the server: ${location}`;
  } else {
    // The connection URL holds the database password: name the host and database only.
    const url = new URL(location);
    database = nl ? `PostgreSQL-database ${url.pathname.slice(1)} op ${url.hostname}` : `PostgreSQL database ${url.pathname.slice(1)} on ${url.hostname}`;
  }
  const source = kekSourceOf(deps.config, deps.db);
  const key =
    source.kind === 'env'
      ? nl ? 'De hoofdsleutel komt uit de omgevingsvariabele GROEIWIJZER_KEY.' : 'The master key comes from the environment variable GROEIWIJZER_KEY.'
      : source.kind === 'file'
        ? nl
          ? `De hoofdsleutel staat in het bestand ${source.path}${source.isDefault ? ' (naast de database: bewaar het en zijn back-up op een andere plek dan de database)' : ''}.`
          : `The master key is in the file ${source.path}${source.isDefault ? ' (next to the database: keep it and its backup somewhere else than the database)' : ''}.`
        : nl ? `Er is geen hoofdsleutel ingesteld: ${source.reason}.` : `No master key is configured: ${source.reason}.`;
  return { database, key };
}
