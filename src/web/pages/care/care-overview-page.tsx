import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACE_INFORMANTS } from '../../../shared/aces';
import { MELDCODE_STEPS } from '../../../shared/meldcode';
import { Link } from 'react-router';
import { api, apiPath } from '../../api/api-client';
import type { AceCategoryList, AceFigures, CareOverview, MeldcodeCaseSummaries } from '../../api/care-types';
import { useApiData } from '../../api/use-api-data';
import { useRefusalWords } from '../../components/form-errors';
import { FormActions, TextField } from '../../components/form-fields';
import { ErrorMessage, LoadState, SuccessMessage } from '../../components/load-state';
import { TableWrap } from '../../components/table-wrap';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { signalLabel } from '../checkin/checkin-labels';
import { useModelText } from '../selfscan/selfscan-model';
import { useSchool } from '../school/school-layout';
import { aceInformantLabel, referralStatusLabel } from './care-labels';
import { pupilCarePath } from './care-paths';

/**
 * The care team's caseload: break-glass openings, today's signals, screenings above a cut-off, the shared part of
 * recent pupil conversations, referral follow-ups that are due, open meldcode cases, overdue plan reviews.
 */
export function CareOverviewPage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const format = useFormat();
  const text = useModelText();
  const overview = useApiData<CareOverview>(apiPath('/api/schools/:schoolId/care/overview', { schoolId: school.id }));
  const intro = t('Alles wat vandaag aandacht vraagt, op één plek. Alleen het zorgteam ziet dit overzicht.');
  if (!overview.data) {
    return (
      <Page title={t('Zorgoverzicht')} intro={intro}>
        <LoadState error={overview.error} isLoading={overview.isLoading} />
      </Page>
    );
  }
  const data = overview.data;
  const pupilLink = (pupilId: string, name: string) => <Link to={pupilCarePath(school.id, pupilId)}>{name}</Link>;
  return (
    <Page title={t('Zorgoverzicht')} intro={intro}>
      <section aria-labelledby="zorg-noodtoegang-kop">
        <h2 id="zorg-noodtoegang-kop">{t('Noodtoegang (laatste 30 dagen)')}</h2>
        {data.breakGlass.length === 0 ? (
          <p className="muted">{t('Niemand heeft noodtoegang gebruikt.')}</p>
        ) : (
          <ul className="care-stack">
            {data.breakGlass.map((entry) => (
              <li key={entry.id} className="card notice-warning">
                <p>
                  {t('{{user}} opende op {{time}} het plan van', { user: entry.userName, time: format.dateTime(entry.openedAt) })} {pupilLink(entry.pupilId, entry.pupilName)}.
                </p>
                <p className="care-quote">{entry.reason}</p>
                <p className="muted">{t('Ga na of het nodig was en bespreek het met je collega.')}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="zorg-signalen-kop">
        <h2 id="zorg-signalen-kop">{t('Signalen van de check-in vandaag')}</h2>
        {data.signals.length === 0 ? (
          <p className="muted">{t('Vandaag geen signalen.')}</p>
        ) : (
          <ul>
            {data.signals.map((entry) => (
              <li key={entry.pupilId}>
                {pupilLink(entry.pupilId, entry.displayName)} ({entry.className}): {entry.signals.map((signal) => signalLabel(t, signal.kind)).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="zorg-screenings-kop">
        <h2 id="zorg-screenings-kop">{t('Screenings boven het afkappunt')}</h2>
        {data.screeningsAboveCutOff.length === 0 ? (
          <p className="muted">{t('Geen screenings die om een gesprek over verwijzing vragen.')}</p>
        ) : (
          <ul>
            {data.screeningsAboveCutOff.map((entry) => (
              <li key={entry.screeningId}>
                {pupilLink(entry.pupilId, entry.pupilName)}: {text(entry.instrumentName)}, {format.date(entry.takenOn)} — {text(entry.bandName)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="zorg-gesprekken-kop">
        <h2 id="zorg-gesprekken-kop">{t('Gedeelde kindgesprekken (laatste 30 dagen)')}</h2>
        {data.conversationsShared.length === 0 ? (
          <p className="muted">{t('Geen gesprekken waarin een leerling iets wilde delen met het zorgteam.')}</p>
        ) : (
          <ul className="care-stack">
            {data.conversationsShared.map((entry) => (
              <li key={entry.conversationId} className="card card-quiet">
                <p>
                  {pupilLink(entry.pupilId, entry.pupilName)}:{' '}
                  {entry.teacherName
                    ? t('gesprek van {{date}} met {{name}}', { date: format.date(entry.heldOn), name: entry.teacherName })
                    : t('gesprek van {{date}}', { date: format.date(entry.heldOn) })}
                </p>
                <p className="care-quote">{entry.forCareTeam}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="zorg-verwijzingen-kop">
        <h2 id="zorg-verwijzingen-kop">{t('Verwijzingen om op te volgen')}</h2>
        {data.referralFollowUps.length === 0 ? (
          <p className="muted">{t('Geen verwijzingen waarvan de opvolgdatum gekomen is.')}</p>
        ) : (
          <ul>
            {data.referralFollowUps.map((entry) => (
              <li key={entry.referralId}>
                {pupilLink(entry.pupilId, entry.pupilName)}: {t('{{name}} ({{status}}), opvolgen sinds {{date}}', { name: entry.toWhom, status: referralStatusLabel(t, entry.status).toLowerCase(), date: format.date(entry.followUpOn) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {can('school.care.meldcode') ? <OpenMeldcodeCasesSection /> : null}
      <AceFiguresSection />
      <AceCategoriesSection />
      <section aria-labelledby="zorg-plannen-kop">
        <h2 id="zorg-plannen-kop">{t('Plannen om opnieuw te bekijken')}</h2>
        {data.overduePlanReviews.length === 0 ? (
          <p className="muted">{t('Geen plannen over hun datum.')}</p>
        ) : (
          <ul>
            {data.overduePlanReviews.map((entry) => (
              <li key={entry.pupilId}>
                {pupilLink(entry.pupilId, entry.pupilName)}: {t('had op {{date}} opnieuw bekeken moeten worden', { date: format.date(entry.reviewOn) })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

/** The open meldcode cases the caller may see (the attention officer: every one), each linked to the pupil's care file. */
function OpenMeldcodeCasesSection() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const format = useFormat();
  const cases = useApiData<MeldcodeCaseSummaries>(apiPath('/api/schools/:schoolId/care/meldcode-cases', { schoolId: school.id }));
  return (
    <section aria-labelledby="zorg-meldcode-kop">
      <h2 id="zorg-meldcode-kop">{t('Open meldcodezaken')}</h2>
      {cases.data ? (
        cases.data.length === 0 ? (
          <p className="muted">{t('Geen open meldcodezaken die jij kunt inzien.')}</p>
        ) : (
          <ul>
            {cases.data.map((entry) => (
              <li key={entry.id}>
                <Link to={pupilCarePath(school.id, entry.pupilId)}>{entry.pupilName}</Link>:{' '}
                {t('geopend op {{date}}, {{done}} van de {{total}} stappen gedaan', { date: format.date(entry.openedOn), done: entry.stepsDone.length, total: MELDCODE_STEPS.length })}
              </li>
            ))}
          </ul>
        )
      ) : (
        <LoadState error={cases.error} isLoading={cases.isLoading} />
      )}
    </section>
  );
}

/** The school's ACE figures like the TSO study: per informant and combined, under the minimum group size. */
function AceFiguresSection() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const format = useFormat();
  const figures = useApiData<AceFigures>(apiPath('/api/schools/:schoolId/care/ace-figures', { schoolId: school.id }));
  const rows: { key: 'pupil' | 'parent' | 'file' | 'combined'; label: string }[] = [
    ...ACE_INFORMANTS.map((informant) => ({ key: informant, label: t('Volgens {{source}}', { source: aceInformantLabel(t, informant).toLowerCase() }) })),
    { key: 'combined', label: t('Samen (minstens één bron zegt ja)') },
  ];
  const share = (part: number, whole: number) => t('{{part}} ({{percent}}%)', { part: format.number(part), percent: format.number(Math.round((100 * part) / whole)) });
  return (
    <section aria-labelledby="zorg-aces-kop">
      <h2 id="zorg-aces-kop">{t('Ingrijpende jeugdervaringen in de school')}</h2>
      {figures.data ? (
        <TableWrap label={t('Cijfers per bron')}>
          <table>
            <caption>{t('Leerlingen die nu op school zitten; een bron die over minder dan {{k}} leerlingen vertelde, staat er zonder cijfers.', { k: figures.data.minGroupSize })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Bron')}</th>
                <th scope="col">{t('Leerlingen met antwoorden')}</th>
                <th scope="col">{t('Minstens één')}</th>
                <th scope="col">{t('Vier of meer')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const entry = figures.data![row.key];
                return (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {entry ? (
                      <>
                        <td>{format.number(entry.pupils)}</td>
                        <td>{share(entry.atLeastOne, entry.pupils)}</td>
                        <td>{share(entry.fourOrMore, entry.pupils)}</td>
                      </>
                    ) : (
                      <td colSpan={3} className="muted">
                        {t('te weinig leerlingen voor cijfers')}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <LoadState error={figures.error} isLoading={figures.isLoading} />
      )}
    </section>
  );
}

/** The school's ACE categories: the default list and its own additions, which the care team adds and removes. */
function AceCategoriesSection() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const text = useModelText();
  const refusal = useRefusalWords();
  const categories = useApiData<AceCategoryList>(apiPath('/api/schools/:schoolId/care/ace-categories', { schoolId: school.id }));
  const [nameNl, setNameNl] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const base = apiPath('/api/schools/:schoolId/care/ace-categories', { schoolId: school.id });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (nameNl.trim() === '' || nameEn.trim() === '') {
      setError(t('Geef de categorie een Nederlandse en een Engelse naam.'));
      return;
    }
    setError(null);
    try {
      categories.setData(await api.post<AceCategoryList>(base, { name: { nl: nameNl.trim(), en: nameEn.trim() } }));
      setNameNl('');
      setNameEn('');
      setSaved(t('De categorie is toegevoegd.'));
    } catch (failure) {
      setError(refusal.failure(failure));
    }
  };
  const remove = async (id: string) => {
    setSaved(null);
    setError(null);
    try {
      categories.setData(await api.delete<AceCategoryList>(`${base}/${id}`));
      setSaved(t('De categorie is verwijderd.'));
    } catch (failure) {
      setError(refusal.failure(failure));
    }
  };

  const own = categories.data?.filter((category) => category.isOwn) ?? [];
  return (
    <section aria-labelledby="zorg-categorieen-kop">
      <h2 id="zorg-categorieen-kop">{t('Eigen categorieën van ingrijpende jeugdervaringen')}</h2>
      <p className="muted">{t('Naast de vaste lijst kan het zorgteam categorieën toevoegen die in deze school vaak spelen. Een categorie die al bij een leerling is ingevuld, blijft staan.')}</p>
      {!categories.data ? (
        <LoadState error={categories.error} isLoading={categories.isLoading} />
      ) : own.length === 0 ? (
        <p className="notice">{t('Nog geen eigen categorieën.')}</p>
      ) : (
        <ul>
          {own.map((category) => (
            <li key={category.id}>
              {text(category.name)}{' '}
              {category.isUsed ? (
                <span className="muted">({t('in gebruik')})</span>
              ) : (
                <button type="button" className="button button-small button-secondary" onClick={() => void remove(category.id)} aria-label={t('Categorie {{name}} verwijderen', { name: text(category.name) })}>
                  {t('Verwijderen')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)} noValidate className="card">
        <SuccessMessage message={saved} />
        <ErrorMessage message={error} />
        <TextField id="categorie-nl" label={t('Naam in het Nederlands')} value={nameNl} onChange={setNameNl} maxLength={80} />
        <TextField id="categorie-en" label={t('Naam in het Engels')} value={nameEn} onChange={setNameEn} maxLength={80} />
        <FormActions>
          <button type="submit" className="button">
            {t('Categorie toevoegen')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
