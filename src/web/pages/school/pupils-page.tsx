import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { Pupil, SchoolClass } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { SelectField } from '../../components/form-fields';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from './school-layout';
import { schoolYearChoices } from './school-years';

/** The pupils of a school year, optionally of one class (teachers see only their own classes). */
export function PupilsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school, can } = useSchool();
  const [schoolYear, setSchoolYear] = useState(school.currentSchoolYear);
  const [classId, setClassId] = useState('');
  const { data: classes } = useApiData<SchoolClass[]>(apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear }));
  const { data: pupils, error, isLoading } = useApiData<Pupil[]>(
    apiPath('/api/schools/:schoolId/pupils', { schoolId: school.id }, { schoolYear, classId: classId || undefined }),
  );
  const chosenClass = classes?.find((item) => item.id === classId);
  const caption = chosenClass
    ? t('Leerlingen van {{name}} in {{year}}', { name: chosenClass.name, year: schoolYear })
    : t('Leerlingen in {{year}}', { year: schoolYear });

  return (
    <Page title={t('Leerlingen')}>
      {can('school.pupils.import') ? (
        <p>
          <Link to={`/scholen/${school.id}/leerlingen/importeren`} className="button button-secondary">
            {t('Leerlingen importeren')}
          </Link>
        </p>
      ) : null}
      <div className="toolbar">
        <SelectField
          id="schooljaar"
          label={t('Schooljaar')}
          value={schoolYear}
          onChange={(year) => {
            setSchoolYear(year);
            setClassId('');
          }}
          options={schoolYearChoices(school).map((year) => ({ value: year, label: year }))}
        />
        <SelectField
          id="klas"
          label={t('Klas')}
          value={classId}
          onChange={setClassId}
          options={[{ value: '', label: t('Alle klassen') }, ...(classes ?? []).map((item) => ({ value: item.id, label: item.name }))]}
        />
      </div>
      <LoadState error={error} isLoading={isLoading && !pupils} />
      {pupils && !error ? (
        pupils.length === 0 ? (
          <p className="notice">{t('Geen leerlingen gevonden.')}</p>
        ) : (
          <TableWrap label={caption}>
            <table>
              <caption>
                {caption} <span className="muted">({pupils.length === 1 ? t('1 leerling') : t('{{n}} leerlingen', { n: format.number(pupils.length) })})</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('Leerlingnummer')}</th>
                  <th scope="col">{t('Roepnaam')}</th>
                  <th scope="col">{t('Achternaam')}</th>
                  <th scope="col">{t('Geboortedatum')}</th>
                  <th scope="col">{t('Klas')}</th>
                </tr>
              </thead>
              <tbody>
                {pupils.map((pupil) => (
                  <tr key={pupil.id}>
                    <td>{pupil.pupilNumber}</td>
                    <th scope="row">{pupil.firstName}</th>
                    <td>{pupil.lastName}</td>
                    <td>{pupil.birthDate ? <time dateTime={pupil.birthDate}>{format.date(pupil.birthDate)}</time> : null}</td>
                    <td>{pupil.className ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )
      ) : null}
    </Page>
  );
}
