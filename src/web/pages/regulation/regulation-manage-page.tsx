import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { LibraryActivity, RegulationFigures } from '../../api/regulation-types';
import { useApiData } from '../../api/use-api-data';
import { DefinitionFileImport } from '../../components/definition-file-import';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useSchool } from '../school/school-layout';
import { durationLabel, kindLabel, wordingOf } from './regulation-labels';

/**
 * Keeping the school's regulation library, for the people who lead the TSO work and the care team: hide activities
 * that do not suit the school (teachers and pupils then never see them), add the school's own in the shipped format,
 * and see — anonymously, per class and week under the k rule — how often pupils said an activity helped.
 */
export function RegulationManagePage() {
  const { t, i18n } = useTranslation();
  const { school } = useSchool();
  const base = apiPath('/api/schools/:schoolId/regulation/library', { schoolId: school.id });
  const library = useApiData<LibraryActivity[]>(base);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const setHidden = async (activity: LibraryActivity, hidden: boolean) => {
    setFailure(null);
    try {
      const changed = await api.put<LibraryActivity>(`${base}/${activity.id}/hidden`, { hidden });
      library.setData(library.data?.map((entry) => (entry.id === changed.id ? changed : entry)));
      const name = wordingOf(activity.name, i18n.language);
      setMessage(hidden ? t('‘{{name}}’ is verborgen.', { name }) : t('‘{{name}}’ is weer zichtbaar.', { name }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };
  const remove = async (activity: LibraryActivity) => {
    setFailure(null);
    try {
      await api.delete(`${base}/${activity.id}`);
      library.setData(library.data?.filter((entry) => entry.id !== activity.id));
      setMessage(t('‘{{name}}’ is verwijderd.', { name: wordingOf(activity.name, i18n.language) }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <Page title={t('Regulatie beheren')}>
      <SuccessMessage message={message} />
      <ErrorMessage message={failure} />
      {library.data ? (
        <TableWrap label={t('Activiteiten van de school')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Activiteit')}</th>
                <th scope="col">{t('Soort')}</th>
                <th scope="col">{t('Duur')}</th>
                <th scope="col">{t('Zichtbaar')}</th>
              </tr>
            </thead>
            <tbody>
              {library.data.map((activity) => {
                const name = wordingOf(activity.name, i18n.language);
                return (
                  <tr key={activity.id}>
                    <th scope="row">
                      {name}
                      {activity.own ? ` · ${t('eigen activiteit van de school')}` : null}
                    </th>
                    <td>{kindLabel(t, activity.kind)}</td>
                    <td>{durationLabel(t, activity.durationSeconds)}</td>
                    <td>
                      <button type="button" className="button-link" onClick={() => void setHidden(activity, !activity.hidden)}>
                        {activity.hidden ? t('Verborgen; weer tonen: {{name}}', { name }) : t('Zichtbaar; verbergen: {{name}}', { name })}
                      </button>
                      {activity.own ? (
                        <>
                          {' · '}
                          <button type="button" className="button-link" onClick={() => void remove(activity)}>
                            {t('Verwijderen: {{name}}', { name })}
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <LoadState error={library.error} isLoading={library.isLoading} />
      )}
      <section aria-labelledby="eigen-activiteit-kop">
        <h2 id="eigen-activiteit-kop">{t('Eigen activiteit toevoegen')}</h2>
        <DefinitionFileImport<LibraryActivity>
          id="eigen-activiteit"
          fileLabel={t('Activiteit (JSON-bestand)')}
          fileHint={t('In hetzelfde formaat als de activiteiten van Groeiwijzer, met Nederlandse en Engelse tekst (zie de handleiding regulation-activity-format).')}
          buttonLabel={t('Activiteit toevoegen')}
          postPath={base}
          savedText={(activity) => t('‘{{name}}’ is toegevoegd.', { name: wordingOf(activity.name, i18n.language) })}
          onImported={(activity) => library.setData([...(library.data ?? []), activity])}
        />
      </section>
      <Figures />
    </Page>
  );
}

// "Did it help?" per class and week, only weeks in which at least k pupils answered.
function Figures() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const figures = useApiData<RegulationFigures>(apiPath('/api/schools/:schoolId/regulation/figures', { schoolId: school.id }));
  return (
    <section aria-labelledby="hielp-het-kop">
      <h2 id="hielp-het-kop">{t('Hielp het? (anoniem)')}</h2>
      {figures.data ? (
        <>
          <p className="muted">
            {t('Per klas en week: hoeveel keer leerlingen na een activiteit zeiden dat het hielp. Een week staat er alleen als minstens {{k}} verschillende leerlingen antwoordden, zodat nooit te zien is wat één leerling zei.', { k: figures.data.minGroupSize })}
          </p>
          {figures.data.classes.every((item) => item.weeks.length === 0) ? (
            <p className="notice">{t('Nog geen weken met genoeg antwoorden.')}</p>
          ) : (
            <ul>
              {figures.data.classes
                .filter((item) => item.weeks.length > 0)
                .map((item) => (
                  <li key={item.classId}>
                    {item.className}:{' '}
                    {item.weeks.map((week) => t('week {{week}}: {{helped}} van {{answered}} keer geholpen', { week: week.week.slice(-2), helped: week.helped, answered: week.answered })).join('; ')}
                  </li>
                ))}
            </ul>
          )}
        </>
      ) : (
        <LoadState error={figures.error} isLoading={figures.isLoading} />
      )}
    </section>
  );
}
