import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SCHOOL_KINDS, type SchoolKind } from '../../../shared/roles';
import { api, apiPath } from '../../api/api-client';
import type { Board, School } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { ErrorSummary, FormActions, SelectField, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { schoolKindLabel } from '../../i18n/labels';
import { useSession } from '../../session/session-context';

/** A board's schools with their counts, and adding a school. */
export function BoardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { boardId = '' } = useParams();
  const { session } = useSession();
  const { data: board, error, isLoading, reload } = useApiData<Board>(apiPath('/api/boards/:boardId', { boardId }));
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SchoolKind>('primary');
  const [isBusy, setIsBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, check, fromError } = useFormErrors('nieuwe-school-');
  const boardName = board?.name ?? session.boards.find((item) => item.id === boardId)?.name ?? t('Bestuur');
  const labels = { 'nieuwe-school-name': t('Naam van de school'), 'nieuwe-school-kind': t('Soort school') };

  const addSchool = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!check({ 'nieuwe-school-name': name.trim() === '' && t('Vul de naam van de school in.') }, t('Niet alle velden zijn goed ingevuld.'))) return;
    setIsBusy(true);
    try {
      const school = await api.post<School>(apiPath('/api/boards/:boardId/schools', { boardId }), { name, kind });
      setName('');
      setSaved(t('{{name}} is toegevoegd.', { name: school.name }));
      reload();
    } catch (failure) {
      fromError(failure, { name: t('Vul de naam van de school in.') });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Page title={boardName}>
      <LoadState error={error} isLoading={isLoading && !board} />
      {board ? (
        <section aria-labelledby="scholen-kop">
          <h2 id="scholen-kop">{t('Scholen')}</h2>
          {board.schools.length === 0 ? (
            <p className="notice">{t('Dit bestuur heeft nog geen scholen.')}</p>
          ) : (
            <TableWrap label={t('Scholen van {{name}}', { name: board.name })}>
              <table>
                <caption className="visually-hidden">{t('Scholen van {{name}}', { name: board.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('School')}</th>
                    <th scope="col">{t('Soort')}</th>
                    <th scope="col" className="number">
                      {t('Locaties')}
                    </th>
                    <th scope="col" className="number">
                      {t('Personeel')}
                    </th>
                    <th scope="col" className="number">
                      {t('Leerlingen')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {board.schools.map((school) => (
                    <tr key={school.id}>
                      <th scope="row">
                        <Link to={`/scholen/${school.id}`}>{school.name}</Link>
                      </th>
                      <td>{schoolKindLabel(t, school.kind)}</td>
                      <td className="number">{format.number(school.locationCount)}</td>
                      <td className="number">{format.number(school.staffCount)}</td>
                      <td className="number">{format.number(school.pupilCount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <p className="muted">
            {t('Anonieme overzichten tonen alleen groepen van minstens {{n}} personen.', { n: format.number(board.minGroupSize) })}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="school-toevoegen-kop" className="card">
        <h2 id="school-toevoegen-kop">{t('School toevoegen')}</h2>
        <SuccessMessage message={saved} />
        <ErrorSummary errors={errors} labels={labels} />
        <form onSubmit={(event) => void addSchool(event)} noValidate className="inline-form">
          <TextField id="nieuwe-school-name" label={labels['nieuwe-school-name']} value={name} onChange={setName} error={errors.fields['nieuwe-school-name']} required maxLength={120} />
          <SelectField
            id="nieuwe-school-kind"
            label={labels['nieuwe-school-kind']}
            value={kind}
            onChange={(value) => setKind(value as SchoolKind)}
            options={SCHOOL_KINDS.map((item) => ({ value: item, label: schoolKindLabel(t, item) }))}
          />
          <FormActions>
            <button type="submit" className="button" disabled={isBusy}>
              {t('School toevoegen')}
            </button>
          </FormActions>
        </form>
      </section>
    </Page>
  );
}
