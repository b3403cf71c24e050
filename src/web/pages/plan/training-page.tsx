import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { Training, TrainingRegister } from '../../api/plan-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { SpreadsheetDownloadBar } from '../../components/spreadsheet-downloads';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { trainingKindLabel } from '../../i18n/labels';
import { useSchool } from '../school/school-layout';
import { TrainingCoveragePanel } from './training-coverage-panel';
import { TrainingFormDialog } from './training-form-dialog';

/** The training register of a school: the coverage of the team, every training held, and adding, changing, deleting them. */
export function TrainingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school, can } = useSchool();
  const listPath = apiPath('/api/schools/:schoolId/trainings', { schoolId: school.id });
  const { data, error, isLoading, reload } = useApiData<TrainingRegister>(listPath);
  const [editing, setEditing] = useState<Training | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Training | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const canManage = can('school.training.manage');
  const title = t('Scholing');
  const nameOf = (training: Training) => trainingKindLabel(t, training.kind, training.title);
  // A custom training shows its own title as its kind; other kinds may carry a title as well.
  const describe = (training: Training) => (training.kind !== 'custom' && training.title ? `${nameOf(training)}: ${training.title}` : nameOf(training));

  if (!data) {
    return (
      <Page title={title}>
        <LoadState error={error} isLoading={isLoading} />
      </Page>
    );
  }
  // Newest first; the same day keeps the server's order.
  const trainings = [...data.trainings].sort((a, b) => b.heldOn.localeCompare(a.heldOn));

  const remove = async () => {
    if (!deleting) return;
    try {
      await api.delete(apiPath('/api/schools/:schoolId/trainings/:trainingId', { schoolId: school.id, trainingId: deleting.id }));
      setSaved(t('De scholing van {{date}} is verwijderd.', { date: format.date(deleting.heldOn) }));
      setDeleting(null);
      reload();
    } catch (failure) {
      setDeleteError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page
      title={title}
      intro={<p>{t('Houd bij wie welke training over traumasensitief onderwijs heeft gevolgd. Zo zie je wie er nog een training nodig heeft en welke ketenpartners meededen.')}</p>}
    >
      <SuccessMessage message={saved} />
      <TrainingCoveragePanel coverage={data.coverage} title={t('Hoe ver is het team?')} />
      {data.coverage.untrainedOverdue.length + data.coverage.newStaffWithinGrace.length > 0 ? (
        <SpreadsheetDownloadBar path="/api/schools/:schoolId/trainings/coverage" params={{ schoolId: school.id }} what={t('Nog te trainen')} />
      ) : null}

      <section aria-labelledby="trainingen-kop" className="training-register">
        <h2 id="trainingen-kop">{t('Gevolgde trainingen')}</h2>
        {canManage ? (
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(null);
                setEditing('new');
              }}
            >
              {t('Scholing vastleggen')}
            </button>
          </div>
        ) : null}
        {trainings.length === 0 ? (
          <p className="notice">{t('Er is nog geen scholing vastgelegd.')}</p>
        ) : (
          <TableWrap label={t('Gevolgde trainingen, nieuwste eerst')}>
            <table className="training-table">
              <caption className="visually-hidden">{t('Gevolgde trainingen, nieuwste eerst')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Datum')}</th>
                  <th scope="col">{t('Soort')}</th>
                  <th scope="col">{t('Deelnemers uit het team')}</th>
                  <th scope="col">{t('Ketenpartners')}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('Acties')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {trainings.map((training) => {
                  const label = t('{{kind}} van {{date}}', { kind: nameOf(training), date: format.date(training.heldOn) });
                  return (
                    <tr key={training.id}>
                      <th scope="row">{format.date(training.heldOn)}</th>
                      <td>{describe(training)}</td>
                      <td>
                        {training.participants.length === 0 ? (
                          <span className="muted">{t('niemand uit het team')}</span>
                        ) : (
                          <>
                            <span className="training-count">{t('{{number}} personen', { number: format.number(training.participants.length) })}</span>
                            <span className="training-names">{training.participants.map((person) => person.name).join(', ')}</span>
                          </>
                        )}
                      </td>
                      <td>{training.partners.length === 0 ? <span className="muted">{t('geen')}</span> : training.partners.join(', ')}</td>
                      {canManage ? (
                        <td className="actions">
                          <div className="action-buttons">
                            <button
                              type="button"
                              className="button button-small button-secondary"
                              aria-label={t('{{name}} wijzigen', { name: label })}
                              onClick={() => {
                                setSaved(null);
                                setEditing(training);
                              }}
                            >
                              {t('Wijzigen')}
                            </button>
                            <button
                              type="button"
                              className="button button-small button-danger-quiet"
                              aria-label={t('{{name}} verwijderen', { name: label })}
                              onClick={() => {
                                setSaved(null);
                                setDeleteError(null);
                                setDeleting(training);
                              }}
                            >
                              {t('Verwijderen')}
                            </button>
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
        {trainings.length > 0 ? <SpreadsheetDownloadBar path="/api/schools/:schoolId/trainings" params={{ schoolId: school.id }} what={t('Trainingen')} /> : null}
      </section>

      {canManage ? (
        <>
          <TrainingFormDialog
            schoolId={school.id}
            editing={editing}
            staff={data.staff}
            onClose={() => setEditing(null)}
            onSaved={(training) => {
              setSaved(
                editing === 'new'
                  ? t('{{kind}} van {{date}} is vastgelegd.', { kind: nameOf(training), date: format.date(training.heldOn) })
                  : t('{{kind}} van {{date}} is opgeslagen.', { kind: nameOf(training), date: format.date(training.heldOn) }),
              );
              setEditing(null);
              reload();
            }}
          />
          <ConfirmDialog
            isOpen={deleting !== null}
            title={t('Scholing verwijderen?')}
            message={
              <p>
                {t('Weet je zeker dat je {{name}} wilt verwijderen? De deelnemers tellen dan niet meer mee als getraind door deze scholing.', {
                  name: deleting ? t('{{kind}} van {{date}}', { kind: nameOf(deleting), date: format.date(deleting.heldOn) }) : '',
                })}
              </p>
            }
            confirmLabel={t('Verwijderen')}
            isDangerous
            error={deleteError}
            onConfirm={remove}
            onCancel={() => setDeleting(null)}
          />
        </>
      ) : null}
    </Page>
  );
}
