import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { ParentContactLog as ContactLog } from '../../api/parent-contact-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useSchool } from '../school/school-layout';
import { ParentContactLog } from './contact-log';
import { ParentAccessSection } from './parent-access-section';
import { parentsPath } from './parent-contact-paths';

/**
 * One pupil's parents page, for the pupil's teachers and the care team. Built from sections: the parents and carers
 * themselves with their one-time links, questionnaires and requests; and the contact log with them, from enrolment on.
 */
export function PupilParentsPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { pupilId = '' } = useParams();
  const log = useApiData<ContactLog>(apiPath('/api/schools/:schoolId/pupils/:pupilId/parent-contacts', { schoolId: school.id, pupilId }));
  const backLink = (
    <p>
      <Link to={parentsPath(school.id)}>{t('Terug naar Ouders')}</Link>
    </p>
  );

  if (!log.data) {
    return (
      <Page title={t('Ouders')}>
        {log.error?.code === 'not_found' ? (
          <p className="notice notice-error" role="alert">
            {t('Deze leerling bestaat niet, of je ziet deze leerling niet: het contact met ouders is er voor de leerkrachten van de leerling en het zorgteam.')}
          </p>
        ) : (
          <LoadState error={log.error} isLoading={log.isLoading} />
        )}
        {backLink}
      </Page>
    );
  }
  const { pupil } = log.data;
  return (
    <Page
      title={t('Ouders van {{name}}', { name: `${pupil.firstName} ${pupil.lastName}` })}
      intro={
        <p className="muted">
          {pupil.className ?? t('geen klas dit schooljaar')} · {t('Alleen de leerkrachten van deze leerling en het zorgteam zien deze pagina; elke keer dat iemand de contactlog opent, staat in het logboek.')}
        </p>
      }
    >
      {backLink}
      <ParentAccessSection schoolId={school.id} pupilId={pupil.id} />
      <ParentContactLog schoolId={school.id} log={log.data} onChanged={log.reload} />
    </Page>
  );
}
