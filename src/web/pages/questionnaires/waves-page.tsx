import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ReminderSent, SchoolClass } from '../../api/api-types';
import type { InstrumentSummary, Wave, WaveCompletion, WaveInput, Waves } from '../../api/questionnaire-types';
import { useApiData } from '../../api/use-api-data';
import { DefinitionFileImport } from '../../components/definition-file-import';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CheckboxGroup, ErrorSummary, SaveActions, TextField } from '../../components/form-fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { TableWrap } from '../../components/table-wrap';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { useModelText } from '../selfscan/selfscan-model';
import { schoolYearOfDate } from '../../../shared/school-time';

// Measurement waves ("metingen") of the effect evaluation: the TSO lead and leadership plan when teachers, or
// pupils of chosen classes, answer which questionnaires; each wave shows whether it lies before or after the
// team training and how many completed it (counts only). A wave can be changed or removed until it opens.

/** The waves of this school year, their completion, and planning a new one. */
export function WavesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { school } = useSchool();
  const wavesPath = apiPath('/api/schools/:schoolId/questionnaire-waves', { schoolId: school.id });
  const { data, error, isLoading, reload, setData } = useApiData<Waves>(wavesPath);
  // The instruments to choose from (shipped and the school's own): one request for the form and the import.
  const instrumentList = useApiData<InstrumentSummary[]>(apiPath('/api/schools/:schoolId/questionnaire-instruments', { schoolId: school.id }));
  const [saved, setSaved] = useState<string | null>(null);
  const [editing, setEditing] = useState<Wave | null>(null);
  const [deleting, setDeleting] = useState<Wave | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [remindError, setRemindError] = useState<string | null>(null);
  // A new key empties the planning form once a wave has been planned.
  const [formRound, setFormRound] = useState(0);

  const remove = async () => {
    if (!deleting) return;
    try {
      await api.delete(apiPath('/api/schools/:schoolId/questionnaire-waves/:waveId', { schoolId: school.id, waveId: deleting.id }));
      setSaved(t('‘{{name}}’ is verwijderd.', { name: deleting.name }));
      setDeleting(null);
      const removedId = deleting.id;
      setData((current) => (current ? { ...current, waves: current.waves.filter((wave) => wave.id !== removedId) } : current));
      reload();
    } catch (failure) {
      setDeleteError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  // A reminder goes to the teachers who have not finished; the answer says neither who nor how many.
  const remind = async (wave: Wave) => {
    setSaved(null);
    setRemindError(null);
    try {
      const sent = await api.post<ReminderSent>(apiPath('/api/schools/:schoolId/questionnaire-waves/:waveId/reminders', { schoolId: school.id, waveId: wave.id }));
      setSaved(t('Herinnering voor ‘{{name}}’ verstuurd naar wie nog niet klaar was. Een volgende kan vanaf {{moment}}.', { name: wave.name, moment: format.dateTime(sent.nextReminderFrom) }));
    } catch (failure) {
      setRemindError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  return (
    <Page
      title={t('Metingen')}
      intro={
        <p>
          {t(
            'Met drie metingen per schooljaar zie je of TSO werkt: groeien leerkrachten en leerlingen na de teamscholing sterker dan ervoor? Je ziet per meting hoeveel mensen de vragenlijsten hebben ingevuld, nooit wie.',
          )}
        </p>
      }
    >
      <SuccessMessage message={saved} />
      {remindError ? (
        <p className="form-error" role="alert">
          {remindError}
        </p>
      ) : null}
      <LoadState error={error} isLoading={isLoading && !data} />
      {data ? (
        <>
          <p className="notice">
            {data.trainingHeldOn
              ? t('Teamscholing volgens het scholingsregister: {{date}}. Metingen vanaf die dag tellen als "na de scholing".', { date: format.date(data.trainingHeldOn) })
              : t('Het scholingsregister heeft nog geen teamscholing: alle metingen tellen voorlopig als "vóór de scholing".')}
          </p>
          {data.waves.length === 0 ? (
            <p>{t('Er zijn nog geen metingen gepland in schooljaar {{year}}.', { year: data.schoolYear })}</p>
          ) : (
            <WavesTable
              waves={data.waves}
              schoolYear={data.schoolYear}
              onEdit={(wave) => {
                setSaved(null);
                setEditing(wave);
              }}
              onDelete={(wave) => {
                setDeleteError(null);
                setDeleting(wave);
              }}
              onRemind={(wave) => void remind(wave)}
            />
          )}
        </>
      ) : null}

      <WaveForm
        key={editing?.id ?? `new-${formRound}`}
        wave={editing}
        instruments={instrumentList.data}
        onCancel={() => setEditing(null)}
        onSaved={(wave, isNew) => {
          setEditing(null);
          setFormRound((round) => round + 1);
          setSaved(isNew ? t('‘{{name}}’ is gepland.', { name: wave.name }) : t('‘{{name}}’ is opgeslagen.', { name: wave.name }));
          reload();
        }}
      />

      <OwnInstruments instruments={instrumentList.data} onImported={instrumentList.reload} />

      <ConfirmDialog
        isOpen={deleting !== null}
        title={t('Meting verwijderen?')}
        message={<p>{t('Weet je zeker dat je meting {{name}} wilt verwijderen? Ze is nog niet geopend, dus er gaan geen antwoorden verloren.', { name: deleting?.name ?? '' })}</p>}
        confirmLabel={t('Verwijderen')}
        isDangerous
        error={deleteError}
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      />
    </Page>
  );
}

function WavesTable({
  waves,
  schoolYear,
  onEdit,
  onDelete,
  onRemind,
}: {
  waves: Wave[];
  schoolYear: string;
  onEdit: (wave: Wave) => void;
  onDelete: (wave: Wave) => void;
  onRemind: (wave: Wave) => void;
}) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const format = useFormat();
  const text = useModelText();
  const caption = t('Metingen in schooljaar {{year}}', { year: schoolYear });
  const stateLabel = { planned: t('gepland'), open: t('loopt'), closed: t('gesloten') } as const;
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Meting')}</th>
            <th scope="col">{t('Wie vult in')}</th>
            <th scope="col">{t('Periode')}</th>
            <th scope="col">{t('Vragenlijsten')}</th>
            <th scope="col">{t('Scholing')}</th>
            <th scope="col">{t('Status')}</th>
            <th scope="col">{t('Ingevuld')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('Acties')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {waves.map((wave) => (
            <tr key={wave.id}>
              <th scope="row">{wave.name}</th>
              <td>{wave.audience === 'teachers' ? t('Leerkrachten') : t('Leerlingen van {{classes}}', { classes: wave.classes.map((schoolClass) => schoolClass.name).join(', ') })}</td>
              <td>{t('{{from}} tot en met {{through}}', { from: format.date(wave.opensOn), through: format.date(wave.closesOn) })}</td>
              <td>{wave.instruments.map((instrument) => text(instrument.name)).join(', ')}</td>
              <td>{wave.training === 'after' ? t('na de scholing') : t('vóór de scholing')}</td>
              <td>{stateLabel[wave.state]}</td>
              <td>
                <Completion wave={wave} />
              </td>
              <td className="actions">
                {wave.state === 'closed' ? (
                  <Link className="button button-small button-secondary" to={`/scholen/${school.id}/metingen/${wave.id}/uitkomsten`} aria-label={t('Uitkomsten van {{name}}', { name: wave.name })}>
                    {t('Uitkomsten')}
                  </Link>
                ) : null}
                {wave.state === 'open' && wave.audience === 'teachers' ? (
                  <button type="button" className="button button-small button-secondary" aria-label={t('{{name}} herinneren', { name: wave.name })} onClick={() => onRemind(wave)}>
                    {t('Herinneren')}
                  </button>
                ) : null}
                {wave.state === 'planned' ? (
                  <div className="action-buttons">
                    <button type="button" className="button button-small button-secondary" aria-label={t('{{name}} wijzigen', { name: wave.name })} onClick={() => onEdit(wave)}>
                      {t('Wijzigen')}
                    </button>
                    <button type="button" className="button button-small button-danger-quiet" aria-label={t('{{name}} verwijderen', { name: wave.name })} onClick={() => onDelete(wave)}>
                      {t('Verwijderen')}
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** "3 van 12" for the whole wave; for pupils also per class. Counts only: never who. */
function Completion({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { data } = useApiData<WaveCompletion>(
    wave.state === 'planned' ? null : apiPath('/api/schools/:schoolId/questionnaire-waves/:waveId/completion', { schoolId: school.id, waveId: wave.id }),
  );
  if (wave.state === 'planned') return <span className="muted">{t('nog niet geopend')}</span>;
  if (!data) return null;
  return (
    <>
      {t('{{completed}} van {{asked}}', { completed: data.completed, asked: data.asked })}
      {data.classes.length > 1 ? (
        <ul className="plain-list">
          {data.classes.map((schoolClass) => (
            <li key={schoolClass.id}>{t('{{name}}: {{completed}} van {{asked}}', { name: schoolClass.name, completed: schoolClass.completed, asked: schoolClass.asked })}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Plans a new wave, or changes `wave` while it has not opened. */
function WaveForm({
  wave,
  instruments,
  onCancel,
  onSaved,
}: {
  wave: Wave | null;
  instruments: InstrumentSummary[] | undefined;
  onCancel: () => void;
  onSaved: (wave: Wave, isNew: boolean) => void;
}) {
  const { t } = useTranslation();
  const text = useModelText();
  const { school } = useSchool();
  const [name, setName] = useState(wave?.name ?? '');
  const [audience, setAudience] = useState<WaveInput['audience']>(wave?.audience ?? 'teachers');
  const [opensOn, setOpensOn] = useState(wave?.opensOn ?? '');
  const [closesOn, setClosesOn] = useState(wave?.closesOn ?? '');
  const [instrumentIds, setInstrumentIds] = useState<string[]>(wave?.instruments.map((instrument) => instrument.id) ?? []);
  const [classIds, setClassIds] = useState<string[]>(wave?.classes.map((schoolClass) => schoolClass.id) ?? []);
  const [isBusy, setIsBusy] = useState(false);
  const { errors, check, fromError } = useFormErrors('meting-');
  const schoolYear = opensOn === '' ? null : schoolYearOfDate(opensOn);
  const { data: classes } = useApiData<SchoolClass[]>(
    audience === 'pupils' && schoolYear ? apiPath('/api/schools/:schoolId/classes', { schoolId: school.id }, { schoolYear }) : null,
  );
  const informant = audience === 'teachers' ? 'teacher' : 'pupil';
  const offered = (instruments ?? []).filter((instrument) => instrument.informant === informant);
  const labels = {
    'meting-name': t('Naam van de meting'),
    'meting-audience': t('Wie vult in?'),
    'meting-opensOn': t('Opent op'),
    'meting-closesOn': t('Sluit na'),
    'meting-instrumentIds': t('Vragenlijsten'),
    'meting-classIds': t('Klassen'),
  };
  const heading = wave ? t('Meting {{name}} wijzigen', { name: wave.name }) : t('Meting plannen');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosenInstruments = instrumentIds.filter((id) => offered.some((instrument) => instrument.id === id));
    const isValid = check(
      {
        'meting-name': name.trim() === '' && t('Vul een naam in.'),
        'meting-opensOn': opensOn === '' && t('Vul een datum in.'),
        'meting-closesOn': closesOn === '' ? t('Vul een datum in.') : closesOn < opensOn && t('De sluitdatum ligt vóór de openingsdatum.'),
        'meting-instrumentIds': chosenInstruments.length === 0 && t('Kies minstens één vragenlijst.'),
        'meting-classIds': audience === 'pupils' && classIds.length === 0 && t('Kies minstens één klas.'),
      },
      t('Niet alle velden zijn goed ingevuld.'),
    );
    if (!isValid) return;
    setIsBusy(true);
    try {
      const body: WaveInput = { name, audience, opensOn, closesOn, instrumentIds: chosenInstruments, classIds: audience === 'pupils' ? classIds : [] };
      const result = wave
        ? await api.put<Wave>(apiPath('/api/schools/:schoolId/questionnaire-waves/:waveId', { schoolId: school.id, waveId: wave.id }), body)
        : await api.post<Wave>(apiPath('/api/schools/:schoolId/questionnaire-waves', { schoolId: school.id }), body);
      onSaved(result, wave === null);
    } catch (failure) {
      fromError(failure, {
        name: t('Vul een naam in.'),
        opensOn: t('Kies een openingsdatum vanaf vandaag.'),
        closesOn: t('Kies een sluitdatum niet vóór de openingsdatum en in hetzelfde schooljaar.'),
        instrumentIds: t('Kies vragenlijsten voor wie invult, elk één keer.'),
        classIds: t('Kies klassen van dit schooljaar.'),
      });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="meting-kop" className="card">
      <h2 id="meting-kop">{heading}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField id="meting-name" label={labels['meting-name']} hint={t('Bijvoorbeeld: Meting najaar')} value={name} onChange={setName} error={errors.fields['meting-name']} required maxLength={80} />
        <fieldset className="field" id="meting-audience">
          <legend>{labels['meting-audience']}</legend>
          <div className="radio">
            <input type="radio" id="meting-audience-teachers" name="meting-audience" checked={audience === 'teachers'} onChange={() => setAudience('teachers')} />
            <label htmlFor="meting-audience-teachers">{t('De leerkrachten van de school')}</label>
          </div>
          <div className="radio">
            <input type="radio" id="meting-audience-pupils" name="meting-audience" checked={audience === 'pupils'} onChange={() => setAudience('pupils')} />
            <label htmlFor="meting-audience-pupils">{t('Leerlingen van gekozen klassen')}</label>
          </div>
        </fieldset>
        <div className="field-row">
          <TextField id="meting-opensOn" type="date" label={labels['meting-opensOn']} value={opensOn} onChange={setOpensOn} error={errors.fields['meting-opensOn']} required />
          <TextField id="meting-closesOn" type="date" label={labels['meting-closesOn']} hint={t('De laatste dag waarop je kunt invullen.')} value={closesOn} onChange={setClosesOn} error={errors.fields['meting-closesOn']} required />
        </div>
        <CheckboxGroup
          id="meting-instrumentIds"
          legend={labels['meting-instrumentIds']}
          options={offered.map((instrument) => ({
            value: instrument.id,
            label: text(instrument.name),
            hint: instrument.ageRange ? t('{{description}} Voor {{from}} tot {{to}} jaar.', { description: text(instrument.description), from: instrument.ageRange.from, to: instrument.ageRange.to }) : text(instrument.description),
          }))}
          selected={instrumentIds}
          onChange={setInstrumentIds}
          error={errors.fields['meting-instrumentIds']}
        />
        {audience === 'pupils' ? (
          schoolYear === null ? (
            <p className="hint">{t('Kies eerst de openingsdatum: dan zie je de klassen van dat schooljaar.')}</p>
          ) : (
            <CheckboxGroup
              id="meting-classIds"
              legend={labels['meting-classIds']}
              options={(classes ?? []).map((schoolClass) => ({ value: schoolClass.id, label: schoolClass.name }))}
              selected={classIds}
              onChange={setClassIds}
              error={errors.fields['meting-classIds']}
            />
          )
        ) : null}
        <SaveActions saveLabel={wave ? t('Opslaan') : t('Meting plannen')} isBusy={isBusy} onCancel={wave ? onCancel : null} />
      </form>
    </section>
  );
}

// A school's own questionnaires (e.g. a licensed scale it bought), in the format of the shipped ones
// (docs/instrument-format.md); once added they can be chosen for a wave like the shipped ones.
function OwnInstruments({ instruments, onImported }: { instruments: InstrumentSummary[] | undefined; onImported: () => void }) {
  const { t } = useTranslation();
  const text = useModelText();
  const { school } = useSchool();
  const own = instruments?.filter((instrument) => instrument.isOwn) ?? [];
  return (
    <section aria-labelledby="eigen-vragenlijst-kop" className="card">
      <h2 id="eigen-vragenlijst-kop">{t('Eigen vragenlijst toevoegen')}</h2>
      <p className="muted">
        {t(
          'Heeft de school een eigen of gekochte vragenlijst, voeg die dan toe als JSON-bestand in dezelfde vorm als de meegeleverde lijsten: vragen en antwoorden in het Nederlands en Engels, schalen met hun vragen, omgekeerd gescoorde vragen, voor wie de lijst is, bron en licentie. De beschrijving staat in docs/instrument-format.md van de broncode van Groeiwijzer.',
        )}
      </p>
      <DefinitionFileImport<InstrumentSummary>
        id="vragenlijst-import"
        fileLabel={t('Vragenlijstbestand (JSON)')}
        fileHint={t('Een versie die al in een meting is gebruikt, verandert nooit meer: geef een aangepaste lijst een nieuw versienummer.')}
        buttonLabel={t('Vragenlijst toevoegen')}
        postPath={apiPath('/api/schools/:schoolId/questionnaire-instruments', { schoolId: school.id })}
        savedText={(instrument) => t('De vragenlijst {{name}} (versie {{version}}) is toegevoegd.', { name: text(instrument.name), version: instrument.version })}
        onImported={onImported}
      >
        {own.length > 0 ? (
          <ul className="model-list">
            {own.map((instrument) => (
              <li key={instrument.id}>{t('{{name}} (versie {{version}}, {{items}} vragen)', { name: text(instrument.name), version: instrument.version, items: instrument.items })}</li>
            ))}
          </ul>
        ) : (
          <p>{t('De school heeft nog geen eigen vragenlijst.')}</p>
        )}
      </DefinitionFileImport>
    </section>
  );
}
