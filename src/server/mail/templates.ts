import type { Locale } from '../../shared/roles';

/** A rendered e-mail: subject and plain text. */
export interface MailContent {
  subject: string;
  text: string;
}

/** The mail with a link to choose a new password. */
export function passwordResetMail(locale: Locale, link: string, validHours: number): MailContent {
  return locale === 'en'
    ? {
        subject: 'Groeiwijzer: choose a new password',
        text: `Someone asked to reset the password of your Groeiwijzer account.\n\nChoose a new password with this link (valid for ${validHours} hours, usable once):\n${link}\n\nDid you not ask for this? Then you can ignore this e-mail; your password stays the same.`,
      }
    : {
        subject: 'Groeiwijzer: kies een nieuw wachtwoord',
        text: `Er is gevraagd om het wachtwoord van je Groeiwijzer-account opnieuw in te stellen.\n\nKies een nieuw wachtwoord via deze link (${validHours} uur geldig, één keer te gebruiken):\n${link}\n\nHeb je dit niet zelf gevraagd? Dan kun je deze e-mail negeren; je wachtwoord blijft hetzelfde.`,
      };
}

/** The mail inviting a staff member to a school. */
export function invitationMail(locale: Locale, schoolName: string, inviterName: string, link: string, validDays: number): MailContent {
  return locale === 'en'
    ? {
        subject: `Invitation to Groeiwijzer for ${schoolName}`,
        text: `${inviterName} invites you to work with Groeiwijzer for ${schoolName}.\n\nCreate your account with this link (valid for ${validDays} days):\n${link}`,
      }
    : {
        subject: `Uitnodiging voor Groeiwijzer van ${schoolName}`,
        text: `${inviterName} nodigt je uit om met Groeiwijzer te werken voor ${schoolName}.\n\nMaak je account aan via deze link (${validDays} dagen geldig):\n${link}`,
      };
}

/** The mail inviting a staff member to fill in a self-scan round; `closesOn` is the last day (YYYY-MM-DD). */
export function selfscanInvitationMail(locale: Locale, schoolName: string, roundName: string, closesOn: string, link: string): MailContent {
  return locale === 'en'
    ? {
        subject: `Self-scan "${roundName}" at ${schoolName}: your view counts`,
        text: `The TSO team of ${schoolName} asks you to fill in the self-scan "${roundName}".\n\nFor each aspect of the development model you choose the phase that fits the school today, or "don't know". It takes about fifteen minutes; your answers are saved as you go and nobody sees which answers are yours.\n\nYou can answer until ${closesOn}:\n${link}`,
      }
    : {
        subject: `Zelfscan "${roundName}" van ${schoolName}: jouw blik telt`,
        text: `Het TSO-team van ${schoolName} vraagt je de zelfscan "${roundName}" in te vullen.\n\nBij elk accent van het ontwikkelmodel kies je de fase die nu bij de school past, of "weet ik niet". Het kost ongeveer een kwartier; je antwoorden worden meteen bewaard en niemand ziet welke antwoorden van jou zijn.\n\nJe kunt antwoorden tot en met ${closesOn}:\n${link}`,
      };
}

/** One action in the weekly plan digest. */
export interface DigestMailAction {
  title: string;
  goal: string;
  school: string;
  /** YYYY-MM-DD. */
  dueOn: string;
}

/** What the weekly plan digest tells one owner: their overdue actions, those due soon, and where to go. */
export interface DigestMailInput {
  name: string;
  overdue: readonly DigestMailAction[];
  dueSoon: readonly DigestMailAction[];
  /** The days ahead that count as due soon (today included). */
  dueWithinDays: number;
  /** The "my actions" page, where the actions are and where the digest is turned off. */
  myActionsLink: string;
}

/** The weekly digest of an owner's due and overdue plan actions (no pupil data: only the plan's own texts). */
export function planDigestMail(locale: Locale, input: DigestMailInput): MailContent {
  const dateOf = (isoDate: string) =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${isoDate}T00:00:00Z`),
    );
  const list = (actions: readonly DigestMailAction[], labels: { goal: string; school: string; due: string }) =>
    actions.map((action) => `- ${action.title}\n  ${labels.due}: ${dateOf(action.dueOn)} | ${labels.goal}: ${action.goal} | ${labels.school}: ${action.school}`).join('\n');
  if (locale === 'en') {
    const labels = { goal: 'Goal', school: 'School', due: 'Due' };
    const sections = [
      ...(input.overdue.length ? [`Past their due date (${input.overdue.length}):\n${list(input.overdue, labels)}`] : []),
      ...(input.dueSoon.length ? [`Due in the next ${input.dueWithinDays} days (${input.dueSoon.length}):\n${list(input.dueSoon, labels)}`] : []),
    ];
    return {
      subject: 'Groeiwijzer: your plan actions this week',
      text: `Hello ${input.name},\n\nThese actions of your school's TSO plan are yours and ask for attention.\n\n${sections.join('\n\n')}\n\nSee your actions and update them:\n${input.myActionsLink}\n\nYou get this e-mail every Monday because you own actions in the plan. Rather not? Turn off "Weekly e-mail" on the same page.`,
    };
  }
  const labels = { goal: 'Doel', school: 'School', due: 'Einddatum' };
  const sections = [
    ...(input.overdue.length ? [`Einddatum voorbij (${input.overdue.length}):\n${list(input.overdue, labels)}`] : []),
    ...(input.dueSoon.length ? [`Aan de beurt in de komende ${input.dueWithinDays} dagen (${input.dueSoon.length}):\n${list(input.dueSoon, labels)}`] : []),
  ];
  return {
    subject: 'Groeiwijzer: je acties in het plan deze week',
    text: `Hallo ${input.name},\n\nDeze acties uit het TSO-plan van je school staan op jouw naam en vragen aandacht.\n\n${sections.join('\n\n')}\n\nBekijk je acties en werk ze bij:\n${input.myActionsLink}\n\nJe krijgt deze e-mail elke maandag omdat je eigenaar bent van acties in het plan. Liever niet? Zet "Wekelijkse e-mail" uit op dezelfde pagina.`,
  };
}
