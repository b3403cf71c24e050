import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiPath } from '../../api/api-client';
import type { ClassGroup } from '../../api/group-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { ClassClimateSection } from './class-climate-section';
import { groupHomePath } from './group-paths';
import { GroupPhaseSection } from './group-phase-section';
import { ClassSociogramsSection } from './sociogram-section';

/**
 * One class's Groep page, for its teachers and the care team: the reminders of the moment (golden weeks, the group
 * starting again after a long holiday), the group phase with questions for the class, and the class-climate ratings
 * of the school year.
 */
export function ClassGroupPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { classId = '' } = useParams();
  const base = apiPath('/api/schools/:schoolId/classes/:classId/group', { schoolId: school.id, classId });
  const group = useApiData<ClassGroup>(base);

  if (group.error) {
    return (
      <Page title={t('Groep')}>
        {group.error.code === 'not_found' ? (
          <p className="notice notice-error" role="alert">
            {t('Deze klas bestaat niet of is niet een van jouw klassen.')}
          </p>
        ) : (
          <LoadState error={group.error} isLoading={false} />
        )}
        <p>
          <Link to={groupHomePath(school.id)}>{t('Terug naar de klassen')}</Link>
        </p>
      </Page>
    );
  }
  if (!group.data) return <LoadState error={null} isLoading />;
  const data = group.data;
  return (
    <Page title={t('{{name}}: de groep', { name: data.class.name })}>
      <p>
        <Link to={groupHomePath(school.id)}>{t('Andere klas kiezen')}</Link>
      </p>
      <GroupGuidance guidance={data.guidance} />
      <GroupPhaseSection base={base} group={data} onSaved={group.reload} />
      <ClassClimateSection base={base} group={data} onChanged={group.reload} />
      <ClassSociogramsSection classId={data.class.id} />
    </Page>
  );
}

/** The reminders of today: the group starts again after a long holiday, and the golden weeks. */
function GroupGuidance({ guidance }: { guidance: ClassGroup['guidance'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!guidance || (!guidance.restart && !guidance.isGoldenWeeks)) return null;
  return (
    <section aria-labelledby="groep-nu-kop" className="card">
      <h2 id="groep-nu-kop">{t('Nu extra aandacht voor de groep')}</h2>
      {guidance.restart ? (
        <>
          <h3>{t('De groep begint opnieuw')}</h3>
          <p>
            {guidance.restart.after === 'summer'
              ? t('Na de zomervakantie vormt de groep zich opnieuw (reforming), ook als de leerlingen elkaar al kennen. Neem tot en met {{date}} extra tijd om kennis te maken en samen afspraken te maken.', {
                  date: format.date(guidance.restart.until),
                })
              : t('Na de kerstvakantie zoekt de groep zijn vorm opnieuw (reforming). Neem tot en met {{date}} tijd om weer bij elkaar te komen en de afspraken samen op te frissen.', {
                  date: format.date(guidance.restart.until),
                })}
          </p>
        </>
      ) : null}
      {guidance.isGoldenWeeks ? (
        <>
          <h3>{t('Gouden weken')}</h3>
          <p>
            {t('Dit zijn de gouden weken: de eerste zes weken van het schooljaar, tot en met {{date}}. Wat de groep nu samen meemaakt en afspreekt, zet de toon voor de rest van het jaar. Investeer in kennismaken, vertrouwen en samen regels maken.', {
              date: format.date(guidance.goldenWeeksUntil),
            })}
          </p>
        </>
      ) : null}
      <p className="hint">
        {t('Gerekend vanaf de eerste schooldag na de vakantie, zoals die bij de vrije dagen van de school staan. Het schooljaar begon op {{date}}.', {
          date: format.date(guidance.schoolYearStartsOn),
        })}
      </p>
    </section>
  );
}
