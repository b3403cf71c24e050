import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ErasureReport } from '../../../server/features/privacy-register/subject-erasure';
import type { SubjectPeople } from '../../../server/features/privacy-register/subject-people';
import type { SubjectKind } from '../../../server/features/privacy-register/register-tables';
import { api, apiPath } from '../../api/api-client';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { ErrorSummary, SelectField, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';

/** The path segment of each kind of person in the API. */
const SEGMENTS: Record<SubjectKind, string> = { pupil: 'pupils', parent: 'parents', staff: 'staff' };

/** How many names the list shows before asking to type more. */
const SHOWN = 30;

type Person = SubjectPeople['people'][number];

/**
 * Requests about one person (AVG art. 15 and 17), for a school's administrator: find the pupil, parent or staff member,
 * download everything the school holds about them, or see what erasing them would do and then erase them — confirmed
 * by typing the name, with a report of what went and what stays by law, and why.
 */
export function SubjectRequestsPage() {
  const { t } = useTranslation();
  const { schoolId = '' } = useParams();
  const [kind, setKind] = useState<SubjectKind>('pupil');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Person | null>(null);
  const people = useApiData<SubjectPeople>(apiPath('/api/schools/:schoolId/subject-requests/people', { schoolId }, { kind }));
  const words = search.trim().toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
  const matches = (people.data?.people ?? []).filter((person) => words.every((word) => `${person.name} ${person.detail}`.toLocaleLowerCase('nl').includes(word)));
  const caption = t('Gevonden personen');

  const choose = (person: Person | null) => setChosen(person);
  const changeKind = (value: string) => {
    setKind(value === 'parent' || value === 'staff' ? value : 'pupil');
    setChosen(null);
  };

  return (
    <Page
      title={t('Verzoeken over een persoon')}
      intro={<p>{t('Vraagt een leerling, ouder of medewerker wat de school over hem of haar bewaart, of vraagt die om verwijdering? Zoek de persoon hier op.')}</p>}
    >
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          id="subject-kind"
          label={t('Over wie gaat het verzoek?')}
          value={kind}
          onChange={changeKind}
          options={[
            { value: 'pupil', label: t('Een leerling') },
            { value: 'parent', label: t('Een ouder of verzorger') },
            { value: 'staff', label: t('Een medewerker') },
          ]}
        />
        <TextField id="subject-search" label={t('Zoek op naam')} hint={t('Ook op leerlingnummer of e-mailadres.')} value={search} onChange={setSearch} maxLength={200} />
      </form>
      <LoadState error={people.error} isLoading={people.isLoading && !people.data} />
      {people.data && !chosen ? (
        matches.length === 0 ? (
          <p>{t('Niemand gevonden.')}</p>
        ) : (
          <TableWrap label={caption}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Naam')}</th>
                  <th scope="col">{t('Kenmerk')}</th>
                  <th scope="col">{t('Kiezen')}</th>
                </tr>
              </thead>
              <tbody>
                {matches.slice(0, SHOWN).map((person) => (
                  <tr key={person.id}>
                    <th scope="row">{person.name}</th>
                    <td>{person.leftOn ? t('{{detail}} · vertrokken op {{date}}', { detail: person.detail, date: person.leftOn }) : person.detail}</td>
                    <td>
                      <button type="button" className="button button-secondary" onClick={() => choose(person)}>
                        {t('Kies {{name}}', { name: person.name })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {matches.length > SHOWN ? <p>{t('Nog {{more}} gevonden: typ meer van de naam.', { more: matches.length - SHOWN })}</p> : null}
          </TableWrap>
        )
      ) : null}
      {chosen ? (
        <ChosenPerson
          key={`${kind}-${chosen.id}`}
          schoolId={schoolId}
          kind={kind}
          person={chosen}
          onBack={() => choose(null)}
          onErased={() => people.reload()}
        />
      ) : null}
    </Page>
  );
}

function ChosenPerson({ schoolId, kind, person, onBack, onErased }: { schoolId: string; kind: SubjectKind; person: Person; onBack: () => void; onErased: () => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSchool();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  const base = apiPath('/api/schools/:schoolId/subject-exports/:segment/:personId', { schoolId, segment: SEGMENTS[kind], personId: person.id });
  const erasurePath = apiPath('/api/schools/:schoolId/subject-erasures/:segment/:personId', { schoolId, segment: SEGMENTS[kind], personId: person.id });
  const [report, setReport] = useState<ErasureReport | null>(null);
  const [confirmName, setConfirmName] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError, clear } = useFormErrors('erase-');

  const preview = async () => {
    clear();
    setIsBusy(true);
    try {
      setReport(await api.post<ErasureReport>(`${erasurePath}/preview`));
    } catch (error) {
      fromError(error);
    } finally {
      setIsBusy(false);
    }
  };

  const erase = async (event: FormEvent) => {
    event.preventDefault();
    if (!check({ 'erase-confirmName': confirmName.trim() === '' && t('Typ de naam van de persoon.') }, t('Controleer het formulier.'))) return;
    setIsBusy(true);
    try {
      setReport(await api.post<ErasureReport>(erasurePath, { confirmName }));
      clear();
      onErased();
    } catch (error) {
      fromError(error, { confirmName: t('De naam klopt niet: typ de naam zoals hierboven.') });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="chosen-person">
      <h2 id="chosen-person">{person.name}</h2>
      <p>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('Andere persoon kiezen')}
        </button>
      </p>
      {report && !report.dryRun ? null : (
        <>
          <h3>{t('Inzage')}</h3>
          <p>{t('Alles wat de school over deze persoon bewaart, als leesbare PDF en als bestand voor andere programma’s. Elke download komt in het logboek.')}</p>
          <div className="form-actions">
            <a className="button" href={`${base}.pdf?lang=${lang}`} download>
              {t('Inzage als PDF')}
            </a>
            <a className="button button-secondary" href={`${base}.json`} download>
              {t('Inzage als JSON')}
            </a>
          </div>
        </>
      )}
      {can('school.privacy.subject_erase') ? (
        <>
          <h3>{t('Verwijderen')}</h3>
          {!report ? (
            <>
              <p>{t('Bekijk eerst wat verwijderen zou doen. Er verandert dan nog niets.')}</p>
              {errors.message ? (
                <p className="notice notice-error" role="alert">
                  {errors.message}
                </p>
              ) : null}
              <button type="button" className="button button-secondary" onClick={() => void preview()} disabled={isBusy}>
                {t('Bekijk wat verwijderen doet')}
              </button>
            </>
          ) : (
            <ErasureReportView report={report} />
          )}
          {report?.dryRun ? (
            <form onSubmit={(event) => void erase(event)} noValidate>
              <ErrorSummary errors={errors} labels={{ 'erase-confirmName': t('Naam ter bevestiging') }} />
              <TextField
                id="erase-confirmName"
                label={t('Naam ter bevestiging')}
                hint={t('Typ "{{name}}" om te bevestigen. Verwijderen kan niet ongedaan worden gemaakt.', { name: person.name })}
                value={confirmName}
                onChange={setConfirmName}
                error={errors.fields['erase-confirmName']}
                maxLength={200}
                autoComplete="off"
              />
              <div className="form-actions">
                <button type="submit" className="button button-danger" disabled={isBusy}>
                  {t('Definitief verwijderen')}
                </button>
              </div>
            </form>
          ) : null}
          {report && !report.dryRun ? (
            <p>
              <button type="button" className="button button-secondary" onClick={() => window.print()}>
                {t('Verslag afdrukken')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** What erasing does or did, table by table, with the reason for everything that stays. */
function ErasureReportView({ report }: { report: ErasureReport }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  const caption = report.dryRun ? t('Wat verwijderen zou doen') : t('Wat er is verwijderd en wat blijft');
  const actionLabels: Record<ErasureReport['tables'][number]['action'], string> = {
    deleted: report.dryRun ? t('wordt verwijderd') : t('verwijderd'),
    unassigned: report.dryRun ? t('blijft, zonder deze persoon') : t('gebleven, zonder deze persoon'),
    with_person: report.dryRun ? t('wordt verwijderd') : t('verwijderd'),
    kept: t('blijft'),
  };
  return (
    <>
      <p role="status" className={report.dryRun ? 'notice' : 'notice notice-success'}>
        {report.dryRun
          ? t('Nog niets verwijderd. Zo zou het gaan:')
          : t('Verwijderd op {{when}}. Dit is het verslag; het staat ook in het logboek (zonder de naam).', { when: format.dateTime(report.at) })}
      </p>
      <p>
        <strong>{report.person.action === 'deleted' ? (report.dryRun ? t('De persoon zelf wordt verwijderd.') : t('De persoon zelf is verwijderd.')) : t('De persoon zelf blijft bestaan.')}</strong>{' '}
        {report.person.action === 'kept' ? report.person.why[lang] : null}
      </p>
      <TableWrap label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Gegevens')}</th>
              <th scope="col">{t('Aantal')}</th>
              <th scope="col">{t('Wat er gebeurt')}</th>
              <th scope="col">{t('Waarom')}</th>
            </tr>
          </thead>
          <tbody>
            {rowsOf(report).map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.holds.length === 1 ? (
                    row.holds[0]?.[lang]
                  ) : (
                    <ul>
                      {row.holds.map((holds) => (
                        <li key={holds.nl}>{holds[lang]}</li>
                      ))}
                    </ul>
                  )}
                </th>
                <td>{row.rows === null ? t('niet te zien') : row.rows}</td>
                <td>{actionLabels[row.action]}</td>
                <td>{row.why[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

type ReportTable = ErasureReport['tables'][number];

/**
 * The report's rows: what stays for the same reason (the care file's many tables) in one row with the reason once,
 * everything else a row per table.
 */
function rowsOf(report: ErasureReport): { key: string; holds: ReportTable['holds'][]; rows: number | null; action: ReportTable['action']; why: ReportTable['why'] }[] {
  const rows: ReturnType<typeof rowsOf> = [];
  const keptFor = new Map<string, ReturnType<typeof rowsOf>[number]>();
  for (const table of report.tables) {
    const same = table.action === 'kept' ? keptFor.get(table.why.nl) : undefined;
    if (same) {
      same.holds.push(table.holds);
      same.rows = same.rows === null || table.rows === null ? null : same.rows + table.rows;
      continue;
    }
    const row = { key: table.table, holds: [table.holds], rows: table.rows, action: table.action, why: table.why };
    if (table.action === 'kept') keptFor.set(table.why.nl, row);
    rows.push(row);
  }
  return rows;
}
