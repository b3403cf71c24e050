import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_GROUPS, type AgeGroup, CHECKIN_STATES_TOP_DOWN, type CheckinState } from '../../../shared/checkin';
import { DEFAULT_STATE_WORDS } from '../../../shared/checkin-wording';
import { LOCALES, type Locale } from '../../../shared/roles';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ClosedDays, ClosedDaysRequest, Wording, WordingEntry } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, FormActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { ageGroupLabel, StateBadge, stateLabel } from './checkin-labels';

const WORD_MAX_LENGTH = 40;

/** The school's check-in settings: its own words for the states, and the days the school is closed. */
export function CheckinSettingsPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  return (
    <Page title={t('Check-in instellen')}>
      <WordingSection schoolId={school.id} />
      <ClosedDaysSection schoolId={school.id} />
    </Page>
  );
}

type WordKey = `${AgeGroup}|${CheckinState}|${Locale}`;

function wordKey(ageGroup: AgeGroup, state: CheckinState, locale: Locale): WordKey {
  return `${ageGroup}|${state}|${locale}`;
}

function WordingSection({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const path = apiPath('/api/schools/:schoolId/checkin/wording', { schoolId });
  const wording = useApiData<Wording>(path);
  const [words, setWords] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => {
    if (!wording.data) return;
    setWords(Object.fromEntries(wording.data.entries.map((entry) => [wordKey(entry.ageGroup, entry.state, entry.locale), entry.label])));
  }, [wording.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    setIsBusy(true);
    // Every combination is sent: an empty label puts that word back to the default.
    const entries: WordingEntry[] = AGE_GROUPS.flatMap((ageGroup) =>
      CHECKIN_STATES_TOP_DOWN.flatMap((state) => LOCALES.map((locale) => ({ ageGroup, state, locale, label: (words[wordKey(ageGroup, state, locale)] ?? '').trim() }))),
    );
    try {
      wording.setData(await api.put<Wording>(path, { entries }));
      setSaved(t('De woorden zijn opgeslagen.'));
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'internal_error', String(error)));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="woorden-kop" className="card">
      <h2 id="woorden-kop">{t('Eigen woorden')}</h2>
      <p>{t('Leerlingen kiezen elke dag uit vier toestanden. Gebruikt jullie school eigen woorden, vul ze hier in; een leeg vak betekent: het standaardwoord.')}</p>
      <SuccessMessage message={saved} />
      <LoadState error={wording.error ?? failure} isLoading={wording.isLoading && !wording.data} />
      {wording.data ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          {AGE_GROUPS.map((ageGroup) => {
            const caption = ageGroupLabel(t, ageGroup);
            return (
              <TableWrap key={ageGroup} label={caption}>
                <table className="wording-table">
                  <caption>{caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('Toestand')}</th>
                      <th scope="col">{t('Nederlands')}</th>
                      <th scope="col">{t('Engels')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {CHECKIN_STATES_TOP_DOWN.map((state) => (
                      <tr key={state}>
                        <th scope="row">
                          <StateBadge state={state} />
                        </th>
                        {LOCALES.map((locale) => {
                          const key = wordKey(ageGroup, state, locale);
                          const id = `woord-${ageGroup}-${state}-${locale}`;
                          const fallback = DEFAULT_STATE_WORDS[ageGroup][state][locale].label;
                          return (
                            <td key={locale}>
                              <label htmlFor={id} className="visually-hidden">
                                {t('{{state}}, {{group}}, {{language}}', {
                                  state: stateLabel(t, state),
                                  group: caption,
                                  language: locale === 'nl' ? t('Nederlands') : t('Engels'),
                                })}
                              </label>
                              <input
                                id={id}
                                type="text"
                                value={words[key] ?? ''}
                                maxLength={WORD_MAX_LENGTH}
                                onChange={(event) => setWords({ ...words, [key]: event.target.value })}
                                aria-describedby={`${id}-standaard`}
                              />
                              <span className="hint" id={`${id}-standaard`}>
                                {t('Standaard: {{word}}', { word: fallback })}
                              </span>
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            );
          })}
          <FormActions>
            <button type="submit" className="button" disabled={isBusy}>
              {t('Woorden opslaan')}
            </button>
          </FormActions>
        </form>
      ) : null}
    </section>
  );
}

function ClosedDaysSection({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const path = apiPath('/api/schools/:schoolId/closed-days', { schoolId });
  const closedDays = useApiData<ClosedDays[]>(path);
  const [draft, setDraft] = useState<ClosedDaysRequest>({ name: '', startDate: '', endDate: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [deleting, setDeleting] = useState<ClosedDays | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const errors = useFormErrors('gesloten-');
  const labels = { 'gesloten-name': t('Naam'), 'gesloten-startDate': t('Eerste dag'), 'gesloten-endDate': t('Laatste dag') };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const isValid = errors.check(
      {
        'gesloten-name': draft.name.trim() === '' && t('Vul een naam in, bijvoorbeeld Kerstvakantie.'),
        'gesloten-startDate': draft.startDate === '' && t('Kies de eerste dag.'),
        'gesloten-endDate': (draft.endDate === '' && t('Kies de laatste dag.')) || (draft.endDate < draft.startDate && t('De laatste dag ligt niet voor de eerste.')),
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      const created = await api.post<ClosedDays>(path, { ...draft, name: draft.name.trim() });
      closedDays.setData([...(closedDays.data ?? []), created].sort((a, b) => a.startDate.localeCompare(b.startDate)));
      setDraft({ name: '', startDate: '', endDate: '' });
      setSaved(t('{{name}} is toegevoegd.', { name: created.name }));
    } catch (error) {
      errors.fromError(error, { name: t('Vul een naam in van hoogstens 80 tekens.'), startDate: t('Kies een geldige datum.'), endDate: t('Kies een geldige datum.') });
    } finally {
      setIsBusy(false);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    setDeleteError(null);
    try {
      await api.delete(apiPath('/api/schools/:schoolId/closed-days/:closedDaysId', { schoolId, closedDaysId: deleting.id }));
      closedDays.setData((closedDays.data ?? []).filter((entry) => entry.id !== deleting.id));
      setSaved(t('{{name}} is verwijderd.', { name: deleting.name }));
      setDeleting(null);
    } catch (error) {
      setDeleteError(error instanceof ApiError ? error.message : String(error));
    }
  };

  const caption = t('Dagen dat de school dicht is');
  return (
    <section aria-labelledby="dicht-kop" className="card">
      <h2 id="dicht-kop">{caption}</h2>
      <p>{t('Vakanties en studiedagen tellen niet als schooldag. Zo wordt een vakantie niet gezien als dagen zonder check-in, en tellen de signalen alleen echte schooldagen.')}</p>
      <SuccessMessage message={saved} />
      <LoadState error={closedDays.error} isLoading={closedDays.isLoading && !closedDays.data} />
      {closedDays.data ? (
        closedDays.data.length === 0 ? (
          <p className="notice">{t('Nog geen vakanties of studiedagen ingevuld.')}</p>
        ) : (
          <TableWrap label={caption}>
            <table>
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Naam')}</th>
                  <th scope="col">{t('Eerste dag')}</th>
                  <th scope="col">{t('Laatste dag')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('Acties')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {closedDays.data.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">{entry.name}</th>
                    <td>
                      <time dateTime={entry.startDate}>{format.date(entry.startDate)}</time>
                    </td>
                    <td>
                      <time dateTime={entry.endDate}>{format.date(entry.endDate)}</time>
                    </td>
                    <td className="actions">
                      <button type="button" className="button button-danger-quiet button-small" onClick={() => setDeleting(entry)}>
                        {t('Verwijderen')}
                        <span className="visually-hidden"> {entry.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )
      ) : null}
      <h3>{t('Toevoegen')}</h3>
      <ErrorSummary errors={errors.errors} labels={labels} />
      <form onSubmit={(event) => void add(event)} noValidate className="field-row">
        <TextField id="gesloten-name" label={t('Naam')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} error={errors.errors.fields['gesloten-name']} maxLength={80} />
        <TextField id="gesloten-startDate" label={t('Eerste dag')} type="date" value={draft.startDate} onChange={(startDate) => setDraft({ ...draft, startDate })} error={errors.errors.fields['gesloten-startDate']} />
        <TextField id="gesloten-endDate" label={t('Laatste dag')} type="date" value={draft.endDate} onChange={(endDate) => setDraft({ ...draft, endDate })} error={errors.errors.fields['gesloten-endDate']} />
        <FormActions>
          <button type="submit" className="button" disabled={isBusy}>
            {t('Toevoegen')}
          </button>
        </FormActions>
      </form>
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t('{{name}} verwijderen?', { name: deleting?.name ?? '' })}
        message={<p>{t('Deze dagen tellen daarna weer als schooldag voor de signalen.')}</p>}
        confirmLabel={t('Verwijderen')}
        onConfirm={remove}
        onCancel={() => {
          setDeleting(null);
          setDeleteError(null);
        }}
        isDangerous
        error={deleteError}
      />
    </section>
  );
}
