import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { SchoolSignal } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useSchool } from '../school/school-layout';
import { HandledSection, splitHandled } from './checkin-handled';
import { signalLabel } from './checkin-labels';
import { checkinClassPath, checkinPupilPath } from './checkin-paths';

/** The care team's view: every pupil of the school with a signal today, grouped by class. */
export function CheckinSignalsPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { data, error, isLoading } = useApiData<SchoolSignal[]>(apiPath('/api/schools/:schoolId/checkin/signals', { schoolId: school.id }));
  // Signals still waiting for a conversation, per class; those talked about today in a section of their own.
  const entries = (data ?? []).map((entry) => ({ entry, ...splitHandled(entry.signals) }));
  const byClass = groupByClass(entries.filter((item) => item.open.length > 0).map((item) => ({ ...item.entry, signals: item.open })));
  const handled = entries.filter((item) => item.handled.length > 0);

  return (
    <Page title={t('Signalen in de school')} intro={<p>{t('Leerlingen met een signaal uit de check-in van vandaag, per klas. Open een leerling voor het verloop, gespreksstarters en notities.')}</p>}>
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        <>
          {byClass.length === 0 ? (
            <p className="notice">{handled.length > 0 ? t('Geen signalen meer die op een gesprek wachten.') : t('Vandaag geen signalen in de school.')}</p>
          ) : (
            byClass.map((group) => (
              <section key={group.classId} aria-labelledby={`signalen-${group.classId}`} className="card">
                <h2 id={`signalen-${group.classId}`}>
                  <Link to={checkinClassPath(school.id, group.classId)}>{group.className}</Link>
                </h2>
                <ul className="checkin-signal-list">
                  {group.pupils.map((pupil) => (
                    <li key={pupil.pupilId}>
                      <Link to={checkinPupilPath(school.id, pupil.pupilId)} className="checkin-signal-name">
                        {pupil.displayName}
                      </Link>
                      <ul>
                        {pupil.signals.map((signal) => (
                          <li key={signal.kind}>
                            <strong>{signalLabel(t, signal.kind)}:</strong> {signal.explanation}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
          <HandledSection
            headingId="signalen-besproken"
            entries={handled.map(({ entry, handled: signals }) => ({
              pupilId: entry.pupilId,
              displayName: entry.displayName,
              link: checkinPupilPath(school.id, entry.pupilId),
              className: entry.className,
              signals,
            }))}
          />
        </>
      ) : null}
    </Page>
  );
}

/** The signals grouped by class, classes in name order. */
function groupByClass(signals: SchoolSignal[]): { classId: string; className: string; pupils: SchoolSignal[] }[] {
  const groups = new Map<string, { classId: string; className: string; pupils: SchoolSignal[] }>();
  for (const entry of signals) {
    const group = groups.get(entry.classId) ?? { classId: entry.classId, className: entry.className, pupils: [] };
    group.pupils.push(entry);
    groups.set(entry.classId, group);
  }
  return [...groups.values()].sort((a, b) => a.className.localeCompare(b.className, 'nl', { numeric: true }));
}
