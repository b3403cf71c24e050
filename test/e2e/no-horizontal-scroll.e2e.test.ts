import type { ReactElement, ReactNode } from 'react';
import { createRoutesFromChildren, type RouteObject } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptedFieldRef } from '../../src/server/crypto/encrypted-columns';
import { isoInstant, newId } from '../../src/server/deps';
import { DEMO_PASSWORD } from '../../src/server/features/demo/demo.data';
import modelFile from '../../src/server/features/selfscan/models/tso-development-model.json';
import { ensureShippedModels, shippedModelId } from '../../src/server/features/selfscan/selfscan.service';
import { DEMO_EMAILS } from '../../src/shared/demo-accounts';
import { App } from '../../src/web/app';
import { login, requestAs } from '../support/test-app';
import { PRIMARY } from '../support/demo-roles';
import { sampleOf, shuffled } from '../support/test-seed';
import { type BrowserSession, openBrowser, type RunningServer, signIn, startDemoServer } from './support/browser-harness';

// Every page of the staff app on a 390 × 844 phone: nothing may scroll sideways. The pages come from the app's
// own route table (app.tsx, read through React Router), not from a list kept by hand, so a new page is checked
// as soon as it exists. Each page is seen in full by a demo role that may see it (which role rotates per run, see
// below); refusals met on the way are measured as well. There is data on them: the demo plus a
// closed self-scan round with results, an open one, and a plan with goals and actions, so tables are full.

const PHONE = { width: 390, height: 844 };
const ROLES: (string | null)[] = [
  null,
  DEMO_EMAILS.schoolAdmin,
  DEMO_EMAILS.leadership,
  DEMO_EMAILS.tsoLead,
  DEMO_EMAILS.boardAdmin,
  DEMO_EMAILS.teacher,
  DEMO_EMAILS.careTeam,
];
/** Headings that say the person may not see the page: another role tries it. */
const REFUSALS = ['Geen toegang', 'School niet beschikbaar', 'Pagina niet gevonden'];
/** Pages no demo role reaches on its own, and why; they are still opened, but need not count as seen. */
const NOT_REACHABLE: Record<string, string> = {
  '/inloggen/code': 'only while a sign-in waits for its second step; the demo has two-step verification off',
};
const ASPECTS = modelFile.layers.flatMap((layer) => layer.aspects.map((aspect) => aspect.id));

/** Every path of the staff app's route table, with its parameters still in it (`/scholen/:schoolId/plan`). */
function appPaths(): string[] {
  const routes = createRoutesFromChildren((App() as ReactElement<{ children: ReactNode }>).props.children);
  const paths = new Set<string>();
  const walk = (list: RouteObject[], parent: string) => {
    for (const route of list) {
      const path = route.path === undefined ? parent : route.path.startsWith('/') ? route.path : `${parent.replace(/\/$/, '')}/${route.path}`;
      if (route.path !== '*' && (route.index || (route.path !== undefined && !route.children))) paths.add(path || '/');
      if (route.children) walk(route.children, path);
    }
  };
  walk(routes, '');
  return [...paths].sort();
}

/** How wide the page is against the phone's width, and what sticks out (for the failure message). */
interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  culprits: string[];
}

describe('no page scrolls sideways on a 390 px phone', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const params: Record<string, string> = {};
  let openRoundId = '';
  const paths = appPaths();
  /** Path pattern → the role that saw it (null: signed out). */
  const seen = new Map<string, string | null>();
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), openBrowser()]);
    await browser.page.setViewportSize(PHONE);
    const db = server.db.kysely;
    await ensureShippedModels(db);
    params.boardId = (await db.selectFrom('boards').select('id').executeTakeFirstOrThrow()).id;
    params.schoolId = (await db.selectFrom('schools').select('id').where('name', '=', PRIMARY).executeTakeFirstOrThrow()).id;
    const teacherId = (await db.selectFrom('users').select('id').where('email', '=', DEMO_EMAILS.teacher).executeTakeFirstOrThrow()).id;
    const teacherClass = await db
      .selectFrom('class_teachers')
      .innerJoin('classes', 'classes.id', 'class_teachers.class_id')
      .select('classes.id')
      .where('class_teachers.user_id', '=', teacherId)
      .where('classes.school_id', '=', params.schoolId)
      .executeTakeFirstOrThrow();
    params.classId = teacherClass.id;
    // One help topic stands for /hulp/:topicId (they share one layout).
    params.topicId = 'check-in';
    params.pupilId = (await db.selectFrom('class_pupils').select('pupil_id').where('class_id', '=', teacherClass.id).executeTakeFirstOrThrow()).pupil_id;

    // The team of the school answers a closed round (so it has results, consensus and goals) and is invited to an open one.
    const now = isoInstant(new Date());
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const team = [...new Map((await db.selectFrom('school_memberships').select(['user_id', 'role']).where('school_id', '=', params.schoolId).execute()).map((row) => [row.user_id, row.role])).entries()];
    const addRound = async (name: string, opensOn: string, closesOn: string, isAnswered: boolean) => {
      const id = newId();
      await db
        .insertInto('selfscan_rounds')
        .values({ id, school_id: params.schoolId!, model_id: shippedModelId(modelFile.id, modelFile.version), name, opens_on: opensOn, closes_on: closesOn, audience: JSON.stringify({ roles: [], locationIds: [] }), results_shared_at: null, created_by: null, created_at: now })
        .execute();
      for (const [index, [userId, role]] of team.entries()) {
        await db.insertInto('selfscan_invitations').values({ round_id: id, user_id: userId }).execute();
        if (!isAnswered) continue;
        const responseId = newId();
        await db.insertInto('selfscan_responses').values({ id: responseId, round_id: id, user_id: userId, role, created_at: now, updated_at: now }).execute();
        for (const [aspectIndex, aspect] of ASPECTS.entries()) {
          await db.insertInto('selfscan_ratings').values({ response_id: responseId, aspect_id: aspect, phase: ((index + aspectIndex) % 4) + 1, note: null, updated_at: now }).execute();
        }
      }
      return id;
    };
    params.roundId = await addRound('Zelfscan voorjaar met een lange naam om te zien of die netjes afbreekt', day(-60), day(-30), true);
    openRoundId = await addRound('Zelfscan nu', day(-5), day(20), false);
    for (const aspect of ASPECTS.slice(0, 3)) {
      const rationale = await server.fieldCrypto.encrypt(encryptedFieldRef('selfscan_consensus', 'rationale', [params.roundId, aspect]), 'In de teamvergadering besproken');
      await db.insertInto('selfscan_consensus').values({ round_id: params.roundId, aspect_id: aspect, phase: 2, rationale, recorded_by: null, recorded_at: now }).execute();
      await db.insertInto('selfscan_goals').values({ round_id: params.roundId, aspect_id: aspect, target_phase: 3, created_by: null, created_at: now }).execute();
    }

    // A closed pupil wave of the teacher's class, answered by six pupils, so its results page has figures.
    const waveId = newId();
    await db
      .insertInto('questionnaire_waves')
      .values({ id: waveId, school_id: params.schoolId, name: 'Meting najaar met een lange naam om te zien of die netjes afbreekt', audience: 'pupils', opens_on: day(-30), closes_on: day(-20), created_by: null, created_at: now, updated_at: now })
      .execute();
    await db.insertInto('questionnaire_wave_instruments').values({ wave_id: waveId, instrument_id: 'pupil-wellbeing', instrument_version: '1.0.0', position: 0 }).execute();
    await db.insertInto('questionnaire_wave_classes').values({ wave_id: waveId, class_id: teacherClass.id }).execute();
    for (let pupil = 0; pupil < 6; pupil++) {
      const answers = Object.fromEntries(['wellbeing.1', 'wellbeing.2', 'wellbeing.3', 'belonging.1', 'belonging.2', 'belonging.3'].map((item, index) => [item, ((pupil + index) % 4) + 1]));
      await db
        .insertInto('questionnaire_responses')
        .values({ id: newId(), wave_id: waveId, instrument_id: 'pupil-wellbeing', respondent_kind: 'pupil', respondent_id: newId(), class_id: teacherClass.id, answers: JSON.stringify(answers), is_complete: 1, created_at: now, updated_at: now })
        .execute();
    }
    params.waveId = waveId;

    // A plan with phases, goals and actions (some overdue), through the API as the school leadership.
    const leadership = await login(server.app, DEMO_EMAILS.leadership, DEMO_PASSWORD);
    const api = async (method: 'POST' | 'PUT', url: string, body: unknown) => {
      const response = await requestAs(server.app, leadership, method, url, body);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json() as { id: string };
    };
    const plan = `/api/schools/${params.schoolId}/plan`;
    await api('PUT', `${plan}/phases`, { phases: [{ phase: 'explore', startsOn: day(-200), endsOn: day(-20) }, { phase: 'prepare', startsOn: day(-20), endsOn: null }] });
    await api('POST', `${plan}/moments`, { onDate: day(40), title: 'Evaluatie met het hele team en de ketenpartners' });
    for (const aspect of ASPECTS.slice(0, 2)) await api('POST', `${plan}/goals`, { kind: 'aspect', roundId: params.roundId, aspectId: aspect, ownerUserId: teacherId });
    const freeGoal = await api('POST', `${plan}/goals`, { kind: 'free', title: 'Ouders en verzorgers vertellen over de traumasensitieve aanpak van de school' });
    await api('POST', `${plan}/goals/${freeGoal.id}/actions`, { title: 'Informatieavond voor ouders organiseren met de jeugdzorgpartners', ownerUserId: teacherId, dueOn: day(-10), kotterStep: 'communicate' });
    await api('POST', `${plan}/goals/${freeGoal.id}/actions`, { title: 'Nieuwsbrief schrijven', ownerUserId: teacherId, dueOn: day(30), status: 'done' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads the pages from the app’s route table', () => {
    expect(paths).toContain('/scholen/:schoolId/plan');
    expect(paths).toContain('/scholen/:schoolId/zelfscan/:roundId/uitkomsten');
    expect(paths).toContain('/besturen/:boardId/plan');
    expect(paths.length).toBeGreaterThan(40);
  });

  // Every role on every page is ~350 visits (about 5 minutes): a run takes the roles in a seeded order and lets each
  // open only the pages no earlier role saw in full, so every page is seen (and measured) once, by a role that
  // rotates from run to run; refusals met on the way are measured too. TEST_SAMPLE=all: every role, every page.
  it('opens every page of the app, each as a role that may see it (roles in a seeded order)', async () => {
    const { page } = browser;
    const sample = sampleOf('no-horizontal-scroll');
    console.info(sample.summary);
    for (const email of shuffled(ROLES, sample.random)) {
      const toVisit = sample.isFull ? paths : paths.filter((pattern) => !seen.has(pattern));
      if (toVisit.length === 0) break;
      await browser.context.clearCookies();
      if (email) await signIn(page, server.baseUrl, email, DEMO_PASSWORD);
      for (const pattern of toVisit) {
        const url = pattern.replace(/:(\w+)/g, (_match, name: string) => (name === 'roundId' && !/(uitkomsten|vaststellen)$/.test(pattern) ? openRoundId : (params[name] ?? `:${name}`)));
        await page.goto(`${server.baseUrl}${url}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForFunction(() => document.querySelector('.app-loading, p.notice[role="status"]:not(.notice-success)') === null);
        const heading = (await page.getByRole('heading', { level: 1 }).first().textContent())?.trim() ?? '';
        const landed = new URL(page.url()).pathname;
        const overflow = await horizontalOverflow(page);
        if (overflow.scrollWidth > overflow.clientWidth) {
          problems.push(`${landed} (as ${email ?? 'signed out'}, "${heading}"): ${overflow.scrollWidth} px wide on a ${overflow.clientWidth} px screen; sticking out: ${overflow.culprits.join(', ')}`);
        }
        const isRefused = REFUSALS.includes(heading);
        const wasSentToSignIn = landed === '/inloggen' && url !== '/inloggen';
        if (!isRefused && !wasSentToSignIn && !seen.has(pattern)) seen.set(pattern, email);
      }
      browser.consoleErrors.splice(0);
    }
  }, 600_000);

  it('saw every page as some role, and none scrolls sideways', () => {
    const unseen = paths.filter((pattern) => !seen.has(pattern) && !(pattern in NOT_REACHABLE));
    expect(unseen, 'pages no demo role could open').toEqual([]);
    expect(problems).toEqual([]);
  });
});

/** The page's scroll width against its visible width, and the deepest elements that reach past the right edge. */
async function horizontalOverflow(page: BrowserSession['page']): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const clientWidth = root.clientWidth;
    const culprits: string[] = [];
    const sticking = new Set<Element>();
    // Inside a box that scrolls or clips within the screen (a wide table in its .table-wrap) is fine; an absolutely
    // placed element is only held by such a box if the box (or something inside it) is its containing block.
    const isClipped = (element: Element): boolean => {
      let needsContainingBlock = ['absolute', 'fixed'].includes(getComputedStyle(element).position);
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        const isContainingBlock = style.position !== 'static';
        if ((!needsContainingBlock || isContainingBlock) && style.overflowX !== 'visible' && parent.getBoundingClientRect().right <= clientWidth + 0.5) return true;
        if (needsContainingBlock && isContainingBlock) needsContainingBlock = ['absolute', 'fixed'].includes(style.position);
      }
      return false;
    };
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= clientWidth + 0.5) continue;
      if (isClipped(element)) continue;
      sticking.add(element);
    }
    // Only the innermost: a parent that sticks out because of a child is not named too.
    for (const element of sticking) {
      if ([...sticking].some((other) => other !== element && element.contains(other))) continue;
      const rect = element.getBoundingClientRect();
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
      culprits.push(`${name} (right edge ${Math.round(rect.right)})`);
      if (culprits.length >= 6) break;
    }
    return { scrollWidth: root.scrollWidth, clientWidth, culprits };
  });
}
