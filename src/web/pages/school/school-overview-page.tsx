import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { roleLabel, schoolKindLabel } from '../../i18n/labels';
import { useSession } from '../../session/session-context';
import { CHECKIN_PERMISSIONS } from '../checkin/checkin-paths';
import { CheckinSharingSection } from '../checkin/checkin-sharing-section';
import { trainingPath } from '../plan/plan-paths';
import { SchoolPlanSharingSection } from './school-plan-sharing-section';
import { SchoolSelfscanSharingSection } from './school-selfscan-sharing-section';
import { useSchool } from './school-layout';

/** A school's front page: what it is and where to go next. */
export function SchoolOverviewPage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const { session } = useSession();
  const myRoles = session.schools.find((item) => item.id === school.id)?.roles ?? [];
  const base = `/scholen/${school.id}`;
  const sections = [
    { to: `${base}/zelfscan`, title: t('Zelfscan'), text: t('Samen bepalen waar de school staat op het ontwikkelmodel.'), isShown: myRoles.length > 0 },
    { to: `${base}/leerlingen`, title: t('Leerlingen'), text: t('De leerlingen per schooljaar en klas.'), isShown: can('school.pupils.read') },
    { to: `${base}/leerlingen/importeren`, title: t('Leerlingen importeren'), text: t('Een CSV-export uit ParnasSys, Magister of Somtoday inlezen.'), isShown: can('school.pupils.import') },
    { to: `${base}/klassen`, title: t('Klassen'), text: t('Groepen en klassen per schooljaar.'), isShown: can('school.structure.manage') },
    { to: `${base}/locaties`, title: t('Locaties'), text: t('De gebouwen of vestigingen van de school.'), isShown: can('school.structure.manage') },
    { to: `${base}/check-in`, title: t('Check-in'), text: t('Hoe het vandaag met de leerlingen gaat: in hun raampje, erboven of eronder.'), isShown: CHECKIN_PERMISSIONS.some(can) },
    { to: trainingPath(school.id), title: t('Scholing'), text: t('Wie welke training heeft gevolgd, en wie nog aan de beurt is.'), isShown: can('school.training.read') },
    { to: `${base}/personeel`, title: t('Personeel'), text: t('Collega’s, hun rollen en uitnodigingen.'), isShown: can('school.staff.read') },
    { to: `${base}/postvak`, title: t('Postvak'), text: t('E-mails die Groeiwijzer voor deze school heeft klaargezet.'), isShown: can('school.outbox.read') },
    { to: `${base}/logboek`, title: t('Logboek'), text: t('Wie wat heeft gedaan in deze school.'), isShown: can('school.audit.read') },
    { to: `${base}/privacy`, title: t('Privacyverklaring'), text: t('Wat Groeiwijzer bewaart en wie wat ziet.'), isShown: true },
  ].filter((section) => section.isShown);

  return (
    <Page title={school.name}>
      <dl className="facts">
        <div>
          <dt>{t('Soort school')}</dt>
          <dd>{schoolKindLabel(t, school.kind)}</dd>
        </div>
        <div>
          <dt>{t('Huidig schooljaar')}</dt>
          <dd>{school.currentSchoolYear}</dd>
        </div>
        {myRoles.length > 0 ? (
          <div>
            <dt>{t('Jouw rollen')}</dt>
            <dd>{myRoles.map((role) => roleLabel(t, role)).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      {sections.length > 0 ? (
        <ul className="card-list">
          {sections.map((section) => (
            <li key={section.to} className="card">
              <Link to={section.to} className="card-title">
                {section.title}
              </Link>
              <p className="muted">{section.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="notice">{t('Hier komt meer zodra je school met Groeiwijzer aan de slag gaat.')}</p>
      )}
      {can('school.settings.manage') ? <SchoolSelfscanSharingSection schoolId={school.id} /> : null}
      {can('school.settings.manage') ? <CheckinSharingSection schoolId={school.id} /> : null}
      {can('school.settings.manage') ? <SchoolPlanSharingSection schoolId={school.id} /> : null}
    </Page>
  );
}
