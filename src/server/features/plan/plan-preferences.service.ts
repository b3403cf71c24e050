import type { Kysely } from 'kysely';
import { type Locale, LOCALES } from '../../../shared/roles';
import { developmentModelSchema, type LocalizedText } from '../../../shared/selfscan-model';
import { recordAudit } from '../../audit/audit.service';
import type { Database } from '../../db/database';
import { type Deps, hashSecret, isoInstant, newSecretToken } from '../../deps';
import { AppError } from '../../errors';
import { renderCalendar } from './plan-calendar';
import * as repository from './plan-preferences.repository';
import type { CalendarFeedCreated, PlanPreferences } from './plan.schemas';
import { listModelDefinitions } from './plan.repository';

// A person's own plan settings: the weekly digest opt-out and the calendar feed of their due dates.
// The feed's token is 256 random bits shown once; only its SHA-256 is stored (like session ids), so a
// leaked database does not open anyone's feed. A new token replaces the old one.

/** The signed-in person's preferences (defaults when they never changed one). */
export async function getPlanPreferences(deps: Deps, userId: string): Promise<PlanPreferences> {
  const row = await repository.findPreferences(deps.db.kysely, userId);
  const active = Boolean(row?.calendar_token_hash);
  return {
    digestOptOut: row?.digest_opt_out === 1,
    calendarFeed: { active, createdAt: active ? (row?.calendar_token_created_at ?? null) : null },
  };
}

/** Turns the weekly digest off or on for the signed-in person. */
export async function setDigestOptOut(deps: Deps, userId: string, digestOptOut: boolean): Promise<PlanPreferences> {
  await repository.upsertDigestOptOut(deps.db.kysely, userId, digestOptOut, isoInstant(deps.clock.now()));
  return getPlanPreferences(deps, userId);
}

/** Where the feeds live; the token follows. */
export const CALENDAR_FEED_PATH = '/api/calendar';

/** Starts a new calendar feed (the previous token stops working) and returns its address, once. */
export async function createCalendarFeed(deps: Deps, userId: string, baseUrl: string): Promise<CalendarFeedCreated> {
  const token = newSecretToken();
  const now = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.setCalendarToken(trx, userId, hashSecret(token), now);
    await recordAudit(trx, deps.clock, {
      actorUserId: userId,
      action: 'plan.calendar_feed_changed',
      targetType: 'user',
      targetId: userId,
      detail: { change: 'created' },
    });
  });
  return { url: `${baseUrl.replace(/\/+$/, '')}${CALENDAR_FEED_PATH}/${token}`, createdAt: now };
}

/** Stops the signed-in person's calendar feed; nothing happens (and nothing is audited) when there is none. */
export async function stopCalendarFeed(deps: Deps, userId: string): Promise<void> {
  const db = deps.db.kysely;
  const row = await repository.findPreferences(db, userId);
  if (!row?.calendar_token_hash) return;
  await db.transaction().execute(async (trx) => {
    await repository.setCalendarToken(trx, userId, null, isoInstant(deps.clock.now()));
    await recordAudit(trx, deps.clock, {
      actorUserId: userId,
      action: 'plan.calendar_feed_changed',
      targetType: 'user',
      targetId: userId,
      detail: { change: 'stopped' },
    });
  });
}

const FEED_TEXTS: Record<Locale, { name: string; goal: string; school: string }> = {
  nl: { name: 'Groeiwijzer: mijn acties', goal: 'Doel', school: 'School' },
  en: { name: 'Groeiwijzer: my actions', goal: 'Goal', school: 'School' },
};

/**
 * The iCalendar text of the feed behind a token: an all-day event per open or in-progress action of the
 * owner with a due date, in schools where they still hold a role. An unknown token, or one of a disabled
 * account, is `not_found` — the same answer, so a token reveals nothing about its owner.
 */
export async function calendarFeedOf(deps: Deps, token: string): Promise<string> {
  const db = deps.db.kysely;
  const owner = await repository.findCalendarOwner(db, hashSecret(token));
  if (!owner || owner.disabledAt !== null) throw new AppError('not_found');
  const locale = localeOf(owner.locale);
  const texts = FEED_TEXTS[locale];
  const actions = await repository.listOpenOwnedActions(db, { ownerUserId: owner.userId });
  const goalLabel = await goalLabeller(db, actions);
  return renderCalendar({
    name: texts.name,
    generatedAt: deps.clock.now(),
    events: actions.map((action) => ({
      uid: `${action.id}@groeiwijzer`,
      date: action.dueOn!,
      summary: action.title,
      description: `${texts.goal}: ${goalLabel(action, locale)}\n${texts.school}: ${action.schoolName}`,
    })),
  });
}

/** A stored locale as one of ours (anything unknown reads as Dutch, the source language). */
export function localeOf(value: string): Locale {
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'nl';
}

/** What names a goal: its own title, the aspect of the development model it works on, or both. */
export interface GoalNaming {
  goalTitle: string | null;
  aspectId: string | null;
  modelId: string | null;
}

/**
 * Loads the development models the goals refer to once and returns a function that names a goal in a
 * language as the plan pages do: its own title, else the name of its aspect.
 */
export async function goalLabeller(db: Kysely<Database>, goals: readonly GoalNaming[]): Promise<(goal: GoalNaming, locale: Locale) => string> {
  const aspectName = await aspectNamer(db, goals);
  return (goal, locale) => {
    if (goal.goalTitle) return goal.goalTitle;
    if (goal.aspectId === null) return '';
    return aspectName(goal.modelId, goal.aspectId)?.[locale] ?? goal.aspectId;
  };
}

/** Loads the models of the given goals and answers an aspect's name in both languages (null when unknown). */
export async function aspectNamer(
  db: Kysely<Database>,
  goals: readonly { aspectId: string | null; modelId: string | null }[],
): Promise<(modelId: string | null, aspectId: string) => LocalizedText | null> {
  const modelIds = [...new Set(goals.filter((goal) => goal.aspectId !== null && goal.modelId !== null).map((goal) => goal.modelId!))];
  const names = new Map<string, LocalizedText>();
  for (const row of await listModelDefinitions(db, modelIds)) {
    const parsed = developmentModelSchema.safeParse(JSON.parse(row.definition));
    if (!parsed.success) continue;
    for (const layer of parsed.data.layers) for (const aspect of layer.aspects) names.set(`${row.id}\u0000${aspect.id}`, aspect.name);
  }
  return (modelId, aspectId) => (modelId === null ? null : (names.get(`${modelId}\u0000${aspectId}`) ?? null));
}
