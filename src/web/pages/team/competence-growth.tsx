import { useTranslation } from 'react-i18next';
import type { AssessmentSummary, ProfileSummary } from '../../api/team-competence-types';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useModelText } from '../selfscan/selfscan-model';

/**
 * Growth over time per competence: one row per competence, one column per completed self-assessment (dated), the
 * mean step in each cell ("–" when nothing was rated there). A plain table: screen readers read it cell by cell.
 */
export function CompetenceGrowthTable({ profile, completed, caption }: { profile: ProfileSummary; completed: readonly AssessmentSummary[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useModelText();
  const onProfile = completed.filter((entry) => entry.profileId === profile.id);
  if (onProfile.length === 0) return <p>{t('Nog geen afgeronde zelfbeoordeling op dit profiel.')}</p>;
  return (
    <TableWrap label={caption}>
      <table className="competence-growth">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Competentie')}</th>
            {onProfile.map((entry) => (
              <th scope="col" key={entry.id}>
                {format.date(entry.completedOn)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {profile.definition.competences.map((competence) => (
            <tr key={competence.id}>
              <th scope="row">{text(competence.name)}</th>
              {onProfile.map((entry) => {
                const mean = entry.means[competence.id];
                return <td key={entry.id}>{mean === null || mean === undefined ? '–' : format.decimal(mean, 1)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
