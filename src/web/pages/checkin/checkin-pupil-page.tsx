import { PupilRegulationSection, pupilRegulationPath } from '../regulation/regulation-sections';
import type { PupilRegulation } from '../../api/regulation-types';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { SIGNAL_KINDS, type SignalKind } from '../../../shared/checkin';
import { api, apiPath } from '../../api/api-client';
import type { CheckinNote, CreateNoteRequest, PupilCheckinHistory } from '../../api/checkin-types';
import { useApiData } from '../../api/use-api-data';
import { useRefusalWords } from '../../components/form-errors';
import { FormActions, SelectField } from '../../components/form-fields';
import { LoadState, SuccessMessage } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { pupilCarePath } from '../care/care-paths';
import { useSchool } from '../school/school-layout';
import { HandledLine } from './checkin-handled';
import { signalLabel } from './checkin-labels';
import { checkinClassPath, checkinHomePath, checkinSignalsPath } from './checkin-paths';
import { TrendChart } from './checkin-trend-chart';

const NOTE_MAX_LENGTH = 2000;

/** One pupil for their teachers and the care team: the trend, today's signals with conversation starters, and "we talked" notes. */
export function CheckinPupilPage() {
  const { t } = useTranslation();
  const { school, can } = useSchool();
  const { pupilId = '' } = useParams();
  const [search] = useSearchParams();
  const classId = search.get('klas');
  const history = useApiData<PupilCheckinHistory>(apiPath('/api/schools/:schoolId/pupils/:pupilId/checkin/history', { schoolId: school.id, pupilId }));
  // The regulation moments, once, for the trend's diamonds and the "what helps" section.
  const regulation = useApiData<PupilRegulation>(can('school.regulation') ? pupilRegulationPath(school.id, pupilId) : null);
  const back = classId
    ? { to: checkinClassPath(school.id, classId), label: t('Terug naar de klas') }
    : can('school.checkin.signals.school')
      ? { to: checkinSignalsPath(school.id), label: t('Terug naar de signalen') }
      : { to: checkinHomePath(school.id), label: t('Terug naar de check-in') };

  if (!history.data) {
    return (
      <Page title={t('Check-in van een leerling')}>
        {history.error?.code === 'not_found' ? (
          <p className="notice notice-error" role="alert">
            {t('Deze leerling bestaat niet of zit niet in een van jouw klassen.')}
          </p>
        ) : (
          <LoadState error={history.error} isLoading={history.isLoading} />
        )}
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      </Page>
    );
  }
  const data = history.data;
  // A note may mark today's signals as talked about: read the pupil again after it is stored.
  const addNote = (note: CheckinNote) => {
    history.setData({ ...data, notes: [note, ...data.notes] });
    history.reload();
  };
  const signals = [...data.signals].sort((left, right) => Number(left.handled !== null) - Number(right.handled !== null));
  return (
    <Page title={t('Check-in van {{name}}', { name: data.displayName })}>
      <p>
        <Link to={back.to}>{back.label}</Link>
        {can('school.care.plans.write') ? (
          <>
            {' · '}
            <Link to={pupilCarePath(school.id, data.pupilId)}>{t('Zorgdossier: plan en vertrouwde volwassenen')}</Link>
          </>
        ) : null}
      </p>
      <section aria-labelledby="signalen-leerling-kop">
        <h2 id="signalen-leerling-kop">{t('Signalen van vandaag')}</h2>
        {data.signals.length === 0 ? (
          <p className="notice">{t('Vandaag geen signalen.')}</p>
        ) : (
          <ul className="checkin-signal-cards">
            {signals.map((signal) => (
              <li key={signal.kind} className={signal.handled ? 'card card-quiet' : 'card'}>
                <h3>{signalLabel(t, signal.kind)}</h3>
                <p>{signal.explanation}</p>
                {signal.handled ? (
                  <p>
                    <HandledLine handled={signal.handled} />
                  </p>
                ) : (data.starters[signal.kind] ?? []).length > 0 ? (
                  <>
                    <p className="checkin-starters-title">{t('Zo kun je het gesprek beginnen')}</p>
                    <ul className="checkin-starters">
                      {(data.starters[signal.kind] ?? []).map((starter) => (
                        <li key={starter}>{starter}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="verloop-kop">
        <h2 id="verloop-kop">{t('De afgelopen weken')}</h2>
        <TrendChart days={data.days} regulation={regulation.data?.moments} />
      </section>
      {can('school.regulation') ? <PupilRegulationSection pupilId={data.pupilId} regulation={regulation} /> : null}
      <section aria-labelledby="notities-kop">
        <h2 id="notities-kop">{t('We hebben gepraat')}</h2>
        <p className="muted">{t('Alleen de leerkrachten van deze leerling en het zorgteam lezen deze notities.')}</p>
        {can('school.checkin.notes.write') ? <NoteForm schoolId={school.id} pupilId={data.pupilId} signalKinds={signals.filter((signal) => signal.handled === null).map((signal) => signal.kind)} onAdded={addNote} /> : null}
        <NoteList notes={data.notes} />
      </section>
    </Page>
  );
}

interface NoteFormProps {
  schoolId: string;
  pupilId: string;
  /** Today's signals come first in the choice; every kind can be chosen. */
  signalKinds: SignalKind[];
  onAdded: (note: CheckinNote) => void;
}

function NoteForm({ schoolId, pupilId, signalKinds, onAdded }: NoteFormProps) {
  const { t } = useTranslation();
  const refusal = useRefusalWords();
  const [text, setText] = useState('');
  const [signalKind, setSignalKind] = useState<string>(signalKinds[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const kinds = [...signalKinds, ...SIGNAL_KINDS.filter((kind) => !signalKinds.includes(kind))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (text.trim() === '') {
      setError(t('Schrijf kort op wat jullie hebben besproken.'));
      return;
    }
    setError(null);
    setIsBusy(true);
    try {
      const body: CreateNoteRequest = { signalKind: (SIGNAL_KINDS as readonly string[]).includes(signalKind) ? (signalKind as SignalKind) : null, text: text.trim() };
      onAdded(await api.post<CheckinNote>(apiPath('/api/schools/:schoolId/pupils/:pupilId/checkin/notes', { schoolId, pupilId }), body));
      setText('');
      setSaved(t('De notitie is opgeslagen.'));
    } catch (failure) {
      setError(refusal.failure(failure));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card">
      <SuccessMessage message={saved} />
      <SelectField
        id="notitie-signaal"
        label={t('Over welk signaal?')}
        hint={t('Na het opslaan staat dit signaal van vandaag overal als besproken. Een notitie zonder bepaald signaal geldt voor alle signalen van vandaag.')}
        value={signalKind}
        onChange={setSignalKind}
        options={[...kinds.map((kind) => ({ value: kind, label: signalLabel(t, kind) })), { value: '', label: t('Geen bepaald signaal') }]}
      />
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor="notitie-tekst">{t('Wat hebben jullie besproken?')}</label>
        <p className="hint" id="notitie-tekst-hint">
          {t('Kort en feitelijk: wat je zag, wat de leerling vertelde, wat jullie afspraken. Schrijf het zo dat de leerling het zou mogen lezen.')}
        </p>
        {error ? (
          <p className="field-error" id="notitie-tekst-error">
            {error}
          </p>
        ) : null}
        <textarea
          id="notitie-tekst"
          rows={4}
          value={text}
          maxLength={NOTE_MAX_LENGTH}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={error ? 'notitie-tekst-hint notitie-tekst-error' : 'notitie-tekst-hint'}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <FormActions>
        <button type="submit" className="button" disabled={isBusy}>
          {t('Notitie opslaan')}
        </button>
      </FormActions>
    </form>
  );
}

function NoteList({ notes }: { notes: CheckinNote[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (notes.length === 0) return <p className="muted">{t('Nog geen notities.')}</p>;
  return (
    <ul className="checkin-notes">
      {notes.map((note) => (
        <li key={note.id} className="card card-quiet">
          <p className="checkin-note-meta">
            <time dateTime={note.date}>{format.date(note.date)}</time> · {note.authorName ?? t('onbekende collega')}
            {note.signalKind ? ` · ${signalLabel(t, note.signalKind)}` : null}
          </p>
          <p className="checkin-note-text">{note.text}</p>
        </li>
      ))}
    </ul>
  );
}
