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
