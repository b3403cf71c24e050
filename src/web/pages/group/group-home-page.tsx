import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { SchoolClass } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { useSchool } from '../school/school-layout';
import { classGroupPath } from './group-paths';

/** The start of the Groep pages: the classes of this school year the person may open (a teacher their own). */
export function GroupHomePage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { session } = useSession();
  const roles = session.schools.find((entry) => entry.id === school.id)?.roles ?? [];
  // The care team opens every class; anyone else here is a teacher, who opens only the classes they teach.
  const isCareTeam = roles.includes('care_team');
  const { data: classes, error, isLoading } = useApiData<SchoolClass[]>(
    apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear: school.currentSchoolYear, taughtByMe: isCareTeam ? undefined : 'true' }),
  );

  return (
    <Page
      title={t('Groep')}
      intro={
        <p>
          {t('Hoe gaat het met de groep? Schat geregeld het klimaat in de klas in, houd bij in welke groepsfase de klas zit en bespreek dat met de leerlingen.')}
        </p>
      }
    >
      <section aria-labelledby="groep-klassen-kop">
        <h2 id="groep-klassen-kop">{t('Kies een klas')}</h2>
        {isCareTeam ? null : <p className="muted">{t('Je ziet hier de klassen waarin je lesgeeft.')}</p>}
        <LoadState error={error} isLoading={isLoading && !classes} />
        {classes ? (
          classes.length === 0 ? (
            <p className="notice">{isCareTeam ? t('Er zijn nog geen klassen in dit schooljaar.') : t('Je geeft dit schooljaar nog geen les in een klas.')}</p>
          ) : (
            <ul className="checkin-class-list">
              {classes.map((item) => (
                <li key={item.id}>
                  <Link to={classGroupPath(school.id, item.id)} className="button button-secondary">
                    {item.name}
                  </Link>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>
    </Page>
  );
}
