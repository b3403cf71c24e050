import { CARE_RETENTION_CATEGORIES, type CareRetentionCategory } from '../../../shared/care';
import type { Locale } from '../../../shared/roles';
import { schoolDateOf } from '../../../shared/school-time';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { formatCalendarDate } from '../../i18n/dates';
import { careRetentionReport } from '../care/care-retention';
import { retentionStartOf } from '../checkin/checkin-retention';
import { listSociogramsToPurge } from '../sociogram/sociogram.repository';
import { findSchool } from '../tenancy/tenancy.repository';
import { retentionTextOf } from './privacy-register';
import type { BilingualText } from './register-categories';
import type { RetentionRule } from './register-tables';
import type { RetentionOverview } from './privacy-register.schemas';
import { countCheckinsBefore, listJobLeases } from './retention-overview.repository';

// Retention per category in one place (issue 18): each kind of data with its term, what the term would delete
// today and when its job last ran and runs next. Read-only: it asks the features' own retention code (their terms
// and dry runs) and the job leases; it deletes nothing and decides nothing of its own.

const CARE_NAMES: Record<CareRetentionCategory, BilingualText> = {
  plans: { nl: 'Vertrouwde volwassenen en steunplannen', en: 'Trusted adults and support plans' },
  aces: { nl: 'Ingrijpende jeugdervaringen (ook van ouders)', en: 'Adverse childhood experiences (parents’ too)' },
  screenings: { nl: 'Screenings', en: 'Screenings' },
  conversations: { nl: 'Kindgesprekken', en: 'Pupil conversations' },
  referrals: { nl: 'Verwijzingen', en: 'Referrals' },
  meldcode: { nl: 'Meldcodezaken', en: 'Reporting-code cases' },
  break_glass: { nl: 'Noodtoegang', en: 'Break-glass access' },
  parent_contacts: { nl: 'Contactlogboek met ouders', en: 'Contact log with parents' },
};

interface OverviewItem {
  id: string;
  name: BilingualText;
  rule: RetentionRule;
  job: string | null;
}

// The job names are the ones each feature gives startBackgroundJob.
const ITEMS: readonly OverviewItem[] = [
  { id: 'checkins', name: { nl: 'Check-ins en "we hebben gepraat"-notities', en: 'Check-ins and "we talked" notes' }, rule: 'checkins', job: 'checkin-retention' },
  { id: 'sociograms', name: { nl: 'Antwoorden van sociogrammen', en: 'Sociogram answers' }, rule: 'sociograms', job: 'sociogram-retention' },
  ...CARE_RETENTION_CATEGORIES.map((category) => ({ id: `care.${category}`, name: CARE_NAMES[category], rule: `care.${category}` as const, job: 'care-retention' })),
  { id: 'outbox_links', name: { nl: 'Herstel- en uitnodigingslinks in het postvak', en: 'Reset and invitation links in the outbox' }, rule: 'secret_links', job: 'outbox-link-purge' },
  { id: 'staged_imports', name: { nl: 'Klaargezette leerlingimports', en: 'Staged pupil imports' }, rule: 'staged_imports', job: 'pupil-import-purge' },
  { id: 'audit', name: { nl: 'Logboek', en: 'Audit log' }, rule: 'audit', job: null },
];

/** The retention overview of a school: every category's term, today's dry run where there is one, and its job. */
export async function retentionOverviewOf(deps: Deps, schoolId: string, locale: Locale): Promise<RetentionOverview> {
  const db = deps.db.kysely;
  if (!(await findSchool(db, schoolId))) throw new AppError('not_found');
  const nl = locale === 'nl';
  const today = schoolDateOf(deps.clock.now());
  const keptFrom = retentionStartOf(today, deps.config.checkinRetentionExtraYears);
  const care = await careRetentionReport(db, deps.clock, schoolId);
  const careTerms = new Map(care.categories.map((category) => [category.category, { months: category.months, isDefault: category.isDefault }]));
  const checkins = await countCheckinsBefore(db, schoolId, keptFrom);
  const sociograms = (await listSociogramsToPurge(db, keptFrom)).filter((sociogram) => sociogram.school_id === schoolId).length;
  const leases = await listJobLeases(db);

  const dueNowOf = (item: OverviewItem): string | null => {
    const from = formatCalendarDate(keptFrom, locale);
    if (item.id === 'checkins') return nl ? `${checkins} check-in(s) van voor ${from}` : `${checkins} check-in(s) from before ${from}`;
    if (item.id === 'sociograms') return nl ? `${sociograms} sociogram(men) van voor ${from}` : `${sociograms} sociogram(s) from before ${from}`;
    const report = care.categories.find((category) => `care.${category.category}` === item.id);
    if (report) return nl ? `${report.records} gegevens van ${report.pupils} leerling(en)` : `${report.records} records of ${report.pupils} pupil(s)`;
    return null;
  };

  return {
    today,
    categories: ITEMS.map((item) => {
      const lease = item.job ? leases.get(item.job) : undefined;
      return {
        id: item.id,
        name: item.name[locale],
        term: retentionTextOf(item.rule, { config: deps.config, careTerms, isSchool: true }, locale),
        dueNow: dueNowOf(item),
        job: item.job,
        lastRun: lease?.claimedAt ?? null,
        nextRunFrom: lease?.leaseUntil ?? null,
      };
    }),
  };
}
