import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ClassRegulation, LibraryActivity, PupilRegulation } from '../../api/regulation-types';
import { type ApiData, useApiData } from '../../api/use-api-data';
import { ErrorMessage, LoadState } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../session/session-context';
import { useSchool } from '../school/school-layout';
import { regulationPath } from './regulation-paths';
import { wordingOf } from './regulation-labels';

/** On a class's check-in page: the class's daily routine moments, with a way to the library to plan them. */
export function ClassRoutinesSection({ classId }: { classId: string }) {
  const { t, i18n } = useTranslation();
  const { school } = useSchool();
  const regulation = useApiData<ClassRegulation>(apiPath('/api/schools/:schoolId/classes/:classId/regulation', { schoolId: school.id, classId }));
  if (!regulation.data) return <LoadState error={regulation.error} isLoading={regulation.isLoading} />;
  return (
    <section aria-labelledby="vaste-momenten-kop">
      <h2 id="vaste-momenten-kop">{t('Vaste regulatiemomenten')}</h2>
      {regulation.data.routines.length === 0 ? (
        <p className="muted">{t('Nog geen vaste momenten.')}</p>
      ) : (
        <ul>
          {regulation.data.routines.map((routine) => (
            <li key={routine.id}>
              <strong>{routine.timeOfDay}</strong> {routine.label}: {routine.activityName ? wordingOf(routine.activityName, i18n.language) : t('(activiteit niet meer beschikbaar)')}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={regulationPath(school.id, classId)}>{t('Activiteiten en vaste momenten van deze klas')}</Link>
      </p>
    </section>
  );
}

/** Where a pupil's regulation moments are read (the page loads them once, for the trend and this section). */
export function pupilRegulationPath(schoolId: string, pupilId: string): string {
  return apiPath('/api/schools/:schoolId/pupils/:pupilId/regulation', { schoolId, pupilId });
}

/**
 * On a pupil's check-in page: which activities the pupil did after a check-in outside the window and whether they
 * said it helped; the care team links helpful ones to the pupil's support plan.
 */
export function PupilRegulationSection({ pupilId, regulation }: { pupilId: string; regulation: ApiData<PupilRegulation> }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { school } = useSchool();
  const { session } = useSession();
  const base = pupilRegulationPath(school.id, pupilId);
  const [failure, setFailure] = useState<string | null>(null);
  const isCareTeam = session.schools.find((entry) => entry.id === school.id)?.roles.includes('care_team') ?? false;
  const library = useApiData<LibraryActivity[]>(isCareTeam ? apiPath('/api/schools/:schoolId/regulation/activities', { schoolId: school.id }) : null);
  if (!regulation.data) return <LoadState error={regulation.error} isLoading={regulation.isLoading} />;
  const data = regulation.data;
  const link = async (activityId: string, linked: boolean) => {
    setFailure(null);
    try {
      regulation.setData(await api.put<PupilRegulation>(`${base}/plan-activities/${activityId}`, { linked }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  const nameOf = (activityId: string, name: { nl: string; en: string } | null) => (name ? wordingOf(name, i18n.language) : activityId);
  return (
    <section aria-labelledby="wat-helpt-kop">
      <h2 id="wat-helpt-kop">{t('Wat helpt om weer in het raampje te komen')}</h2>
      <ErrorMessage message={failure} />
      {data.perActivity.length === 0 ? (
        <p className="muted">{t('Nog geen activiteiten na een check-in buiten het raampje.')}</p>
      ) : (
        <TableWrap label={t('Activiteiten na een check-in')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Activiteit')}</th>
                <th scope="col">{t('Gedaan')}</th>
                <th scope="col">{t('Hielp')}</th>
                <th scope="col">{t('Hielp niet')}</th>
                {isCareTeam ? <th scope="col">{t('In het steunplan')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.perActivity.map((entry) => (
                <tr key={entry.activityId}>
                  <th scope="row">{nameOf(entry.activityId, entry.activityName)}</th>
                  <td>{entry.done}</td>
                  <td>{entry.helped}</td>
                  <td>{entry.notHelped}</td>
                  {isCareTeam ? (
                    <td>
                      <button type="button" className="button-link" aria-pressed={data.planActivities.includes(entry.activityId)} onClick={() => void link(entry.activityId, !data.planActivities.includes(entry.activityId))}>
                        {t('In het steunplan: {{name}}', { name: nameOf(entry.activityId, entry.activityName) })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {data.moments.length > 0 ? (
        <details>
          <summary>{t('Alle keren ({{number}})', { number: data.moments.length })}</summary>
          <ul>
            {data.moments.map((moment, index) => (
              <li key={index}>
                {format.date(moment.date)}: {nameOf(moment.activityId, moment.activityName)} —{' '}
                {moment.helped === null ? t('niet gezegd of het hielp') : moment.helped ? t('hielp') : t('hielp niet')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {isCareTeam && data.planActivities.length > 0 ? (
        <p>
          {t('In het steunplan: {{names}}.', {
            names: data.planActivities.map((id) => nameOf(id, library.data?.find((activity) => activity.id === id)?.name ?? null)).join(', '),
          })}
        </p>
      ) : null}
    </section>
  );
}
