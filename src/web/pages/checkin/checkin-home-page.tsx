import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { SchoolClass } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { useSchool } from '../school/school-layout';
import { checkinClassPath, checkinFiguresPath, checkinSettingsPath, checkinSignalsPath } from './checkin-paths';

/** The start of the daily check-in for staff: pick a class; links to the school-wide pages this person may use. */
export function CheckinHomePage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const { session } = useSession();
  const roles = session.schools.find((entry) => entry.id === school.id)?.roles ?? [];
  const usesClasses = can('school.checkin.class.read') || can('school.checkin.manage');
  // A teacher only opens their own classes (the server answers "not found" for the rest), so only those are listed.
  const isOnlyTeacher = roles.includes('teacher') && !roles.includes('care_team') && !roles.includes('school_admin');
  const { data: classes, error, isLoading } = useApiData<SchoolClass[]>(
    usesClasses
      ? apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear: school.currentSchoolYear, taughtByMe: isOnlyTeacher ? 'true' : undefined })
      : null,
  );
  const schoolWide = [
    { to: checkinSignalsPath(school.id), title: t('Signalen in de school'), text: t('Leerlingen met een signaal, per klas.'), isShown: can('school.checkin.signals.school') },
    { to: checkinFiguresPath(school.id), title: t('Check-in in cijfers'), text: t('Anoniem per klas: hoe vaak leerlingen in hun raampje zaten.'), isShown: can('school.checkin.aggregates') },
    { to: checkinSettingsPath(school.id), title: t('Check-in instellen'), text: t('Eigen woorden per leeftijdsgroep en de dagen dat de school dicht is.'), isShown: can('school.checkin.settings') },
  ].filter((entry) => entry.isShown);

  return (
    <Page
      title={t('Check-in')}
      intro={
        <p>
          {t('Leerlingen laten elke dag zien hoe het met ze gaat: in hun raampje, erboven of eronder. Zo weet je wie er vandaag extra aandacht nodig heeft, nog voor de les begint.')}
        </p>
      }
    >
      {usesClasses ? (
        <section aria-labelledby="checkin-klassen-kop">
          <h2 id="checkin-klassen-kop">{t('Kies een klas')}</h2>
          {isOnlyTeacher ? <p className="muted">{t('Je kunt alleen de check-in van je eigen klassen openen.')}</p> : null}
          <LoadState error={error} isLoading={isLoading && !classes} />
          {classes ? (
            classes.length === 0 ? (
              <p className="notice">{t('Er zijn nog geen klassen in dit schooljaar.')}</p>
            ) : (
              <ul className="checkin-class-list">
                {classes.map((item) => (
                  <li key={item.id}>
                    <Link to={checkinClassPath(school.id, item.id)} className="button button-secondary">
                      {item.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </section>
      ) : null}
      {schoolWide.length > 0 ? (
        <ul className="card-list">
          {schoolWide.map((entry) => (
            <li key={entry.to} className="card">
              <Link to={entry.to} className="card-title">
                {entry.title}
              </Link>
              <p className="muted">{entry.text}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
