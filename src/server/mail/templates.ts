import { toSingleLine } from '../../shared/plain-text';
import type { Locale, SchoolRole } from '../../shared/roles';
import { formatCalendarDate, formatInstant } from '../i18n/dates';

// Every value put into a mail goes through `one`: the API already refuses control characters in names and
// titles, but a mail is where a stray line break does harm (a forged paragraph with a link), so it is
// stripped here again, whatever the value's source (defence in depth).
const one = toSingleLine;

/** A rendered e-mail: subject and plain text. */
export interface MailContent {
  subject: string;
  text: string;
}

/** The mail with a link to choose a new password. */
export function passwordResetMail(locale: Locale, rawLink: string, validHours: number): MailContent {
  const link = one(rawLink);
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
export function invitationMail(locale: Locale, rawSchoolName: string, rawInviterName: string, rawLink: string, validDays: number): MailContent {
  const [schoolName, inviterName, link] = [one(rawSchoolName), one(rawInviterName), one(rawLink)];
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

/**
 * The mail asking someone who already has an account to join a school: it carries no link that answers for
 * them — they accept or decline after signing in, on their home page.
 */
export function joinInvitationMail(locale: Locale, schoolName: string, inviterName: string, appLink: string, validDays: number): MailContent {
  return locale === 'en'
    ? {
        subject: `Invitation to join ${schoolName} in Groeiwijzer`,
        text: `${inviterName} invites you to work with Groeiwijzer for ${schoolName} as well.

Sign in with your own account and accept or decline on your home page (the invitation stays open for ${validDays} days):
${appLink}

Did you not expect this? Then decline it, or simply leave it: nothing changes until you accept.`,
      }
    : {
        subject: `Uitnodiging om ook voor ${schoolName} te werken in Groeiwijzer`,
        text: `${inviterName} nodigt je uit om met Groeiwijzer ook voor ${schoolName} te werken.

Log in met je eigen account en accepteer of weiger de uitnodiging op je startpagina (de uitnodiging staat ${validDays} dagen open):
${appLink}

Verwachtte je dit niet? Weiger de uitnodiging dan, of laat haar liggen: er verandert niets tot je accepteert.`,
      };
}

/** The mail telling someone that a role which reads sensitive pupil data now counts for them (a second person approved it). */
export function roleGrantedMail(locale: Locale, schoolName: string, role: SchoolRole, approverName: string): MailContent {
  const roleName = { nl: { care_team: 'het zorgteam' }, en: { care_team: 'the care team' } }[locale][role as 'care_team'] ?? role;
  return locale === 'en'
    ? {
        subject: `Groeiwijzer: you are now in ${roleName} of ${schoolName}`,
        text: `${approverName} approved your place in ${roleName} of ${schoolName}. From your next page on, Groeiwijzer shows you what the care team may see, such as check-in notes about pupils.

Did you not expect this? Tell your school leadership.`,
      }
    : {
        subject: `Groeiwijzer: je hoort nu bij ${roleName} van ${schoolName}`,
        text: `${approverName} heeft je plek in ${roleName} van ${schoolName} goedgekeurd. Vanaf je volgende pagina laat Groeiwijzer je zien wat het zorgteam mag zien, zoals check-in-notities over leerlingen.

Verwachtte je dit niet? Laat het je schoolleiding weten.`,
      };
}

/** The mail inviting a staff member to fill in a self-scan round; `closesOn` is the last day (YYYY-MM-DD). */
export function selfscanInvitationMail(locale: Locale, rawSchoolName: string, rawRoundName: string, rawClosesOn: string, rawLink: string): MailContent {
  const [schoolName, roundName, link] = [one(rawSchoolName), one(rawRoundName), one(rawLink)];
  const closesOn = formatCalendarDate(rawClosesOn, locale);
  return locale === 'en'
    ? {
        subject: `Self-scan "${roundName}" at ${schoolName}: your view counts`,
        text: `The TSO working group of ${schoolName} asks you to fill in the self-scan "${roundName}".\n\nFor each aspect of the development model you choose the phase that fits the school today, or "don't know". It takes about fifteen minutes; your answers are saved as you go and nobody sees which answers are yours.\n\nYou can answer until ${closesOn}:\n${link}`,
      }
    : {
        subject: `Zelfscan "${roundName}" van ${schoolName}: jouw blik telt`,
        text: `De TSO-werkgroep van ${schoolName} vraagt je de zelfscan "${roundName}" in te vullen.\n\nBij elk accent van het ontwikkelmodel kies je de fase die nu bij de school past, of "weet ik niet". Het kost ongeveer een kwartier; je antwoorden worden meteen bewaard en niemand ziet welke antwoorden van jou zijn.\n\nJe kunt antwoorden tot en met ${closesOn}:\n${link}`,
      };
}

/**
 * The reminder to fill in a self-scan round, sent to the invitees who have not answered every aspect yet (to
 * everyone invited when mail only reaches the outbox). It names nobody and reads well for someone who has
 * finished; `closesOn` is the last day (YYYY-MM-DD), written out in words.
 */
export function selfscanReminderMail(locale: Locale, rawSchoolName: string, rawRoundName: string, closesOn: string, rawLink: string): MailContent {
  const [schoolName, roundName, link] = [one(rawSchoolName), one(rawRoundName), one(rawLink)];
  const lastDay = formatCalendarDate(one(closesOn), locale, { weekday: true });
  return locale === 'en'
    ? {
        subject: `Reminder: self-scan "${roundName}" at ${schoolName}`,
        text: `Have you not filled in (all of) the self-scan "${roundName}" of ${schoolName} yet? You can still answer until ${lastDay}. What you already filled in has been saved; you carry on where you left off:\n${link}\n\nEvery view helps the team see where the school stands. Already finished? Then you need not do anything. Nobody sees which answers are yours.`,
      }
    : {
        subject: `Herinnering: zelfscan "${roundName}" van ${schoolName}`,
        text: `Heb je de zelfscan "${roundName}" van ${schoolName} nog niet (helemaal) ingevuld? Dat kan nog tot en met ${lastDay}. Wat je al invulde is bewaard; je gaat verder waar je was:\n${link}\n\nElke blik helpt het team te zien waar de school staat. Ben je al klaar? Dan hoef je niets te doen. Niemand ziet welke antwoorden van jou zijn.`,
      };
}

/** A reminder for teachers to answer an open measurement wave (the link goes to their questionnaires). */
export function waveReminderMail(locale: Locale, rawSchoolName: string, rawWaveName: string, closesOn: string, rawLink: string): MailContent {
  const [schoolName, waveName, link] = [one(rawSchoolName), one(rawWaveName), one(rawLink)];
  const lastDay = formatCalendarDate(one(closesOn), locale, { weekday: true });
  return locale === 'en'
    ? {
        subject: `Reminder: questionnaires "${waveName}" at ${schoolName}`,
        text: `Have you not filled in (all of) the questionnaires of "${waveName}" at ${schoolName} yet? You can still answer until ${lastDay}; what you saved is kept:\n${link}\n\nTogether the answers show whether TSO works in the school. Already finished? Then you need not do anything. Nobody sees your own answers but you.`,
      }
    : {
        subject: `Herinnering: vragenlijsten "${waveName}" van ${schoolName}`,
        text: `Heb je de vragenlijsten van "${waveName}" van ${schoolName} nog niet (helemaal) ingevuld? Dat kan nog tot en met ${lastDay}; wat je al opsloeg is bewaard:\n${link}\n\nSamen laten de antwoorden zien of TSO werkt in de school. Ben je al klaar? Dan hoef je niets te doen. Niemand anders ziet jouw eigen antwoorden.`,
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
  const dateOf = (isoDate: string) => formatCalendarDate(isoDate, locale, { weekday: true });
  const list = (actions: readonly DigestMailAction[], labels: { goal: string; school: string; due: string }) =>
    actions.map((action) => `- ${one(action.title)}\n  ${labels.due}: ${dateOf(action.dueOn)} | ${labels.goal}: ${one(action.goal)} | ${labels.school}: ${one(action.school)}`).join('\n');
  const [name, myActionsLink] = [one(input.name), one(input.myActionsLink)];
  if (locale === 'en') {
    const labels = { goal: 'Goal', school: 'School', due: 'Due' };
    const sections = [
      ...(input.overdue.length ? [`Past their due date (${input.overdue.length}):\n${list(input.overdue, labels)}`] : []),
      ...(input.dueSoon.length ? [`Due in the next ${input.dueWithinDays} days (${input.dueSoon.length}):\n${list(input.dueSoon, labels)}`] : []),
    ];
    return {
      subject: 'Groeiwijzer: your implementation plan actions this week',
      text: `Hello ${name},\n\nThese actions of your school's implementation plan are yours and ask for attention.\n\n${sections.join('\n\n')}\n\nSee your actions and update them:\n${myActionsLink}\n\nYou get this e-mail every Monday because you own actions in the implementation plan. Rather not? Turn off "Weekly e-mail" on the same page.`,
    };
  }
  const labels = { goal: 'Doel', school: 'School', due: 'Einddatum' };
  const sections = [
    ...(input.overdue.length ? [`Einddatum voorbij (${input.overdue.length}):\n${list(input.overdue, labels)}`] : []),
    ...(input.dueSoon.length ? [`Aan de beurt in de komende ${input.dueWithinDays} dagen (${input.dueSoon.length}):\n${list(input.dueSoon, labels)}`] : []),
  ];
  return {
    subject: 'Groeiwijzer: je acties in het implementatieplan deze week',
    text: `Hallo ${name},\n\nDeze acties uit het implementatieplan van je school staan op jouw naam en vragen aandacht.\n\n${sections.join('\n\n')}\n\nBekijk je acties en werk ze bij:\n${myActionsLink}\n\nJe krijgt deze e-mail elke maandag omdat je eigenaar bent van acties in het implementatieplan. Liever niet? Zet "Wekelijkse e-mail" uit op dezelfde pagina.`,
  };
}

/**
 * The care team's notice that someone opened a pupil's support plan by break-glass. It names neither the pupil nor
 * the reason — a mail travels further than the app: both are in the care overview, behind the care team's sign-in.
 */
export function breakGlassMail(locale: Locale, rawSchoolName: string, rawOpenerName: string, openedAt: string): MailContent {
  const [schoolName, openerName] = [one(rawSchoolName), one(rawOpenerName)];
  const time = formatInstant(new Date(one(openedAt)), locale);
  return locale === 'en'
    ? {
        subject: `Emergency access to a support plan at ${schoolName}`,
        text: `${openerName} opened the support plan of a pupil of ${schoolName} by emergency access on ${time}. The access lasts 60 minutes and is read-only.\n\nWhich pupil and the reason given are in Groeiwijzer, under Care overview. Please check that the access was needed and talk about it with your colleague.`,
      }
    : {
        subject: `Noodtoegang tot een steunplan bij ${schoolName}`,
        text: `${openerName} heeft op ${time} via noodtoegang het steun- en signaleringsplan van een leerling van ${schoolName} geopend. De toegang duurt 60 minuten en is alleen om te lezen.\n\nWelke leerling het is en de opgegeven reden staan in Groeiwijzer, onder Zorgoverzicht. Ga na of de toegang nodig was en bespreek het met je collega.`,
      };
}

/** The care team's daily reminder of plans to review and referrals to follow up: counts only, no pupil's name. */
export function careRemindersMail(locale: Locale, rawSchoolName: string, planReviews: number, referralFollowUps: number): MailContent {
  const schoolName = one(rawSchoolName);
  if (locale === 'en') {
    const parts = [
      ...(planReviews > 0 ? [`${planReviews} support plan${planReviews === 1 ? '' : 's'} whose review date has come`] : []),
      ...(referralFollowUps > 0 ? [`${referralFollowUps} referral${referralFollowUps === 1 ? '' : 's'} to follow up`] : []),
    ];
    return {
      subject: `Care at ${schoolName}: dates that have come`,
      text: `At ${schoolName} there ${planReviews + referralFollowUps === 1 ? 'is' : 'are'} ${parts.join(' and ')}.\n\nWhich pupils they are is in Groeiwijzer, under Care overview. This mail names no pupil on purpose.`,
    };
  }
  const parts = [
    ...(planReviews > 0 ? [`${planReviews} ${planReviews === 1 ? 'steunplan dat' : 'steunplannen die'} opnieuw bekeken ${planReviews === 1 ? 'moet' : 'moeten'} worden`] : []),
    ...(referralFollowUps > 0 ? [`${referralFollowUps} ${referralFollowUps === 1 ? 'verwijzing' : 'verwijzingen'} om op te volgen`] : []),
  ];
  return {
    subject: `Zorg bij ${schoolName}: data die zijn aangebroken`,
    text: `Bij ${schoolName} ${planReviews + referralFollowUps === 1 ? 'is er' : 'zijn er'} ${parts.join(' en ')}.\n\nOm welke leerlingen het gaat, staat in Groeiwijzer onder Zorgoverzicht. Deze mail noemt bewust geen namen.`,
  };
}

/** The mail with a parent's one-time link to their parent page (issue 16): plain words, no account needed. */
export function parentLinkMail(locale: Locale, rawSchoolName: string, rawParentName: string, rawLink: string, validDays: number): MailContent {
  const [schoolName, parentName, link] = [one(rawSchoolName), one(rawParentName), one(rawLink)];
  return locale === 'en'
    ? {
        subject: `${schoolName}: your link to the parent page`,
        text: `Dear ${parentName},\n\n${schoolName} invites you to its parent page in Groeiwijzer. There you can read how the school works, answer questions about your child and check your details. You do not need an account or password.\n\nOpen the page with this link (it works once, for ${validDays} days):\n${link}\n\nDid the link stop working? Ask the school for a new one.`,
      }
    : {
        subject: `${schoolName}: uw link naar de ouderpagina`,
        text: `Beste ${parentName},\n\n${schoolName} nodigt u uit op de ouderpagina in Groeiwijzer. Daar leest u hoe de school werkt, beantwoordt u vragen over uw kind en controleert u uw gegevens. U hebt geen account of wachtwoord nodig.\n\nOpen de pagina met deze link (hij werkt één keer, ${validDays} dagen lang):\n${link}\n\nWerkt de link niet meer? Vraag de school om een nieuwe.`,
      };
}
