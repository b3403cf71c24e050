import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, apiPath } from '../../api/api-client';
import type { ModelDetail, OwnRating, RoundDetail } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { PHASE_KEYS, type PlacedAspect, placedAspectsOf, useModelText } from './selfscan-model';

/** The respondent's own page of a round: one aspect at a time, every change saved at once. */
export function SelfscanRespondPage() {
  const { t } = useTranslation();
  const { school } = useSchool();
  const { roundId = '' } = useParams();
  const round = useApiData<RoundDetail>(apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId', { schoolId: school.id, roundId }));
  const modelPath = round.data ? apiPath('/api/schools/:schoolId/selfscan/models/:modelId', { schoolId: school.id, modelId: round.data.model.id }) : null;
  const model = useApiData<ModelDetail>(modelPath);

  if (round.error || model.error || !round.data || !model.data) {
    return (
      <Page title={t('Zelfscan invullen')}>
        <LoadState error={round.error ?? model.error} isLoading />
      </Page>
    );
  }
  return <Respondent key={round.data.id} round={round.data} model={model.data} schoolId={school.id} />;
}

type Choice = '1' | '2' | '3' | '4' | 'dont-know';
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'waiting' } | { kind: 'failed'; message: string };

interface Draft {
  choice: Choice | null;
  note: string;
}

function draftOf(rating: OwnRating): Draft {
  return { choice: rating.phase === null ? 'dont-know' : (String(rating.phase) as Choice), note: rating.note ?? '' };
}

// A pause in typing this long saves the note; leaving the field saves it at once.
const NOTE_SAVE_DELAY_MS = 800;

function Respondent({ round, model, schoolId }: { round: RoundDetail; model: ModelDetail; schoolId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const aspects = placedAspectsOf(model.definition);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(round.myAnswers.map((answer) => [answer.aspectId, draftOf(answer)])));
  const [position, setPosition] = useState(() => {
    const answered = new Set(round.myAnswers.map((answer) => answer.aspectId));
    const firstOpen = aspects.findIndex((entry) => !answered.has(entry.aspect.id));
    return firstOpen === -1 ? 0 : firstOpen;
  });
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const noteTimer = useRef<number | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shouldFocusHeading = useRef(false);
  const isReadOnly = round.status !== 'open' || !round.isInvited;
  const current = aspects[position];
  const answeredCount = aspects.filter((entry) => drafts[entry.aspect.id]?.choice).length;

  useEffect(() => {
    if (shouldFocusHeading.current) headingRef.current?.focus();
    shouldFocusHeading.current = false;
  }, [position]);
  useEffect(() => () => window.clearTimeout(noteTimer.current), []);

  // Saves run one after the other, so a quick second click can never be overtaken by the first.
  const save = (aspectId: string, draft: Draft) => {
    if (isReadOnly || draft.choice === null) return;
    setSaveState({ kind: 'saving' });
    const body = { phase: draft.choice === 'dont-know' ? null : Number(draft.choice), note: draft.note.trim() === '' ? null : draft.note };
    const path = apiPath('/api/schools/:schoolId/selfscan/rounds/:roundId/ratings/:aspectId', { schoolId, roundId: round.id, aspectId });
    queue.current = queue.current
      .then(() => api.put<OwnRating>(path, body))
      .then(
        () => setSaveState({ kind: 'saved' }),
        (failure: unknown) => setSaveState({ kind: 'failed', message: failure instanceof ApiError ? failure.message : String(failure) }),
      );
  };

  const flushNote = () => {
    if (noteTimer.current === undefined) return;
    window.clearTimeout(noteTimer.current);
    noteTimer.current = undefined;
    if (current) {
      const draft = drafts[current.aspect.id];
      if (draft) save(current.aspect.id, draft);
    }
  };

  const choose = (entry: PlacedAspect, choice: Choice) => {
    window.clearTimeout(noteTimer.current);
    noteTimer.current = undefined;
    const draft = { choice, note: drafts[entry.aspect.id]?.note ?? '' };
    setDrafts((all) => ({ ...all, [entry.aspect.id]: draft }));
    save(entry.aspect.id, draft);
  };

  const editNote = (entry: PlacedAspect, note: string) => {
    const draft = { choice: drafts[entry.aspect.id]?.choice ?? null, note };
    setDrafts((all) => ({ ...all, [entry.aspect.id]: draft }));
    window.clearTimeout(noteTimer.current);
    noteTimer.current = undefined;
    if (draft.choice === null) {
      setSaveState({ kind: 'waiting' });
      return;
    }
    noteTimer.current = window.setTimeout(() => {
      noteTimer.current = undefined;
      save(entry.aspect.id, draft);
    }, NOTE_SAVE_DELAY_MS);
  };

  const goTo = (index: number) => {
    flushNote();
    shouldFocusHeading.current = true;
    setSaveState({ kind: 'idle' });
    setPosition(index);
  };

  const statusText = (() => {
    switch (saveState.kind) {
      case 'idle':
        return '';
      case 'saving':
        return t('Opslaan…');
      case 'saved':
        return t('Opgeslagen');
      case 'waiting':
        return t('Kies eerst een groeifase of “Weet ik niet”; je toelichting wordt dan meteen mee opgeslagen.');
      case 'failed':
        return t('Niet opgeslagen: {{message}}', { message: saveState.message });
    }
  })();

  if (!current) {
    return (
      <Page title={t('{{name}} invullen', { name: round.name })}>
        <p className="notice">{t('Dit model heeft geen accenten.')}</p>
      </Page>
    );
  }
  const draft = drafts[current.aspect.id] ?? { choice: null, note: '' };
  const radioName = `groeifase-${current.index}`;
  const options: { choice: Choice; title: string; text: string | null }[] = [
    ...PHASE_KEYS.map((phase) => ({ choice: phase, title: modelText(model.definition.phases[phase]), text: modelText(current.aspect.descriptors[phase]) })),
    { choice: 'dont-know' as const, title: t('Weet ik niet'), text: null },
  ];

  return (
    <Page
      title={t('{{name}} invullen', { name: round.name })}
      intro={
        <p>
          {t('Kies bij elk accent de groeifase die nu het best bij de school past. Je antwoorden worden meteen bewaard; niemand ziet welke antwoorden van jou zijn.')}
        </p>
      }
    >
      {!round.isInvited ? (
        <p className="notice">{t('Je bent niet uitgenodigd voor deze ronde. Je kunt de accenten wel bekijken.')}</p>
      ) : round.status === 'closed' ? (
        <p className="notice">{t('Deze ronde is gesloten. Je ziet je antwoorden, maar kunt ze niet meer wijzigen.')}</p>
      ) : round.status === 'upcoming' ? (
        <p className="notice">{t('Deze ronde gaat open op {{date}}. Je kunt de accenten alvast lezen.', { date: format.date(round.opensOn) })}</p>
      ) : (
        <p className="muted">{t('Je kunt je antwoorden aanpassen tot en met {{date}}.', { date: format.date(round.closesOn) })}</p>
      )}
      <div className="respond-layout">
        <section className="card aspect-card" aria-labelledby="accent-kop">
          <p className="aspect-place">
            <span className="aspect-layer">{t('Groeilaag: {{layer}}', { layer: modelText(current.layer.name) })}</span>
            <span className="muted">{t('Accent {{number}} van {{total}}', { number: current.index + 1, total: aspects.length })}</span>
          </p>
          <fieldset disabled={isReadOnly} aria-describedby="accent-uitleg">
            <legend>
              <h2 id="accent-kop" tabIndex={-1} ref={headingRef}>
                {modelText(current.aspect.name)}
              </h2>
            </legend>
            <p className="hint" id="accent-uitleg">
              {t('Welke groeifase past nu bij de school?')}
            </p>
            <div className="phase-options">
              {options.map((option) => {
                const id = `${radioName}-${option.choice}`;
                return (
                  <div key={option.choice} className={option.text === null ? 'phase-option phase-option-unknown' : 'phase-option'}>
                    <input type="radio" id={id} name={radioName} value={option.choice} checked={draft.choice === option.choice} onChange={() => choose(current, option.choice)} />
                    <label htmlFor={id}>
                      <span className="phase-title">{option.title}</span>
                      {option.text ? <span className="phase-text"> {option.text}</span> : null}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="toelichting">{t('Toelichting of voorbeeld (niet verplicht)')}</label>
            <textarea
              id="toelichting"
              rows={3}
              maxLength={2000}
              value={draft.note}
              readOnly={isReadOnly}
              onChange={(event) => editNote(current, event.target.value)}
              onBlur={flushNote}
            />
          </div>
          <p className={saveState.kind === 'failed' ? 'save-status save-status-failed' : 'save-status'} aria-live="polite">
            {statusText}
          </p>
          <div className="form-actions step-buttons">
            <button type="button" className="button button-secondary" disabled={position === 0} onClick={() => goTo(position - 1)}>
              {t('Vorige')}
            </button>
            <button type="button" className="button" disabled={position === aspects.length - 1} onClick={() => goTo(position + 1)}>
              {t('Volgende')}
            </button>
          </div>
        </section>

        <nav aria-labelledby="accenten-overzicht-kop" className="card card-quiet aspect-overview">
          <h2 id="accenten-overzicht-kop">{t('Overzicht')}</h2>
          <p>{t('{{answered}} van {{total}} accenten beantwoord', { answered: answeredCount, total: aspects.length })}</p>
          {model.definition.layers.map((layer) => (
            <div key={layer.id}>
              <h3>{modelText(layer.name)}</h3>
              <ul>
                {aspects
                  .filter((entry) => entry.layer.id === layer.id)
                  .map((entry) => {
                    const isAnswered = Boolean(drafts[entry.aspect.id]?.choice);
                    return (
                      <li key={entry.aspect.id}>
                        <button type="button" className="link-button" aria-current={entry.index === position ? 'step' : undefined} onClick={() => goTo(entry.index)}>
                          {modelText(entry.aspect.name)}
                        </button>{' '}
                        <span className={isAnswered ? 'badge badge-on' : 'badge badge-off'}>{isAnswered ? t('beantwoord') : t('open')}</span>
                      </li>
                    );
                  })}
              </ul>
            </div>
          ))}
          <p>
            <Link to={`/scholen/${schoolId}/zelfscan`}>{t('Terug naar de zelfscan')}</Link>
          </p>
        </nav>
      </div>
    </Page>
  );
}
