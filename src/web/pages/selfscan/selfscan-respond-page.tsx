import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, apiPath } from '../../api/api-client';
import type { ModelDetail, OwnRating, RoundDetail } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { useRefusalWords } from '../../components/form-errors';
import { LoadState } from '../../components/load-state';
import { Page } from '../../components/page';
import { useFormat } from '../../i18n/format';
import { useSchool } from '../school/school-layout';
import { PHASE_KEYS, type PlacedAspect, placedAspectsOf, useModelText } from './selfscan-model';

/**
 * The respondent's own page of a round: one aspect at a time, every change saved at once, and after the last
 * aspect a "Klaar — versturen" step with a summary per layer. Answers stay changeable while the round is open.
 */
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
  const refusal = useRefusalWords();
  const format = useFormat();
  const modelText = useModelText();
  const aspects = placedAspectsOf(model.definition);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(round.myAnswers.map((answer) => [answer.aspectId, draftOf(answer)])));
  // The step after the last aspect: the summary with "Versturen".
  const summaryStep = aspects.length;
  const [position, setPosition] = useState(() => {
    const answered = new Set(round.myAnswers.map((answer) => answer.aspectId));
    const firstOpen = aspects.findIndex((entry) => !answered.has(entry.aspect.id));
    // Someone who answered everything comes back to the summary; someone only looking starts at the first aspect.
    if (firstOpen === -1) return round.isInvited && aspects.length > 0 ? summaryStep : 0;
    return firstOpen;
  });
  const [isSent, setIsSent] = useState(false);
  const lastSaveFailed = useRef(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const noteTimer = useRef<number | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shouldFocusHeading = useRef(false);
  const isReadOnly = round.status !== 'open' || !round.isInvited;
  const current = aspects[position];
  const isAnswered = (entry: PlacedAspect) => Boolean(drafts[entry.aspect.id]?.choice);
  const answeredCount = aspects.filter(isAnswered).length;

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
        () => {
          lastSaveFailed.current = false;
          setSaveState({ kind: 'saved' });
        },
        (failure: unknown) => {
          lastSaveFailed.current = true;
          setSaveState({ kind: 'failed', message: refusal.failure(failure) });
        },
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
    setIsSent(false);
    setPosition(index);
  };

  // Every answer is saved as it is given; sending waits for the last save and then confirms.
  const send = async () => {
    flushNote();
    await queue.current;
    if (lastSaveFailed.current) return;
    setIsSent(true);
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

  if (aspects.length === 0) {
    return (
      <Page title={t('{{name}} invullen', { name: round.name })}>
        <p className="notice">{t('Dit model heeft geen accenten.')}</p>
      </Page>
    );
  }
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
        {current ? (
          <AspectStep
            key={current.aspect.id}
            current={current}
            total={aspects.length}
            model={model}
            draft={drafts[current.aspect.id] ?? { choice: null, note: '' }}
            isReadOnly={isReadOnly}
            headingRef={headingRef}
            statusText={statusText}
            hasFailed={saveState.kind === 'failed'}
            onChoose={(choice) => choose(current, choice)}
            onEditNote={(note) => editNote(current, note)}
            onLeaveNote={flushNote}
            onPrevious={position === 0 ? null : () => goTo(position - 1)}
            onNext={() => goTo(position + 1)}
          />
        ) : (
          <SummaryStep
            round={round}
            model={model}
            aspects={aspects}
            isAnswered={isAnswered}
            mayChange={!isReadOnly}
            isSent={isSent}
            headingRef={headingRef}
            statusText={saveState.kind === 'failed' ? statusText : ''}
            onGoTo={goTo}
            onSend={send}
            schoolId={schoolId}
          />
        )}

        <nav aria-labelledby="accenten-overzicht-kop" className="card card-quiet aspect-overview">
          <h2 id="accenten-overzicht-kop">{t('Overzicht')}</h2>
          <p>{t('{{answered}} van {{total}} accenten beantwoord', { answered: answeredCount, total: aspects.length })}</p>
          {model.definition.layers.map((layer) => (
            <div key={layer.id}>
              <h3>{modelText(layer.name)}</h3>
              <ul>
                {aspects
                  .filter((entry) => entry.layer.id === layer.id)
                  .map((entry) => (
                    <li key={entry.aspect.id}>
                      <button type="button" className="link-button" aria-current={entry.index === position ? 'step' : undefined} onClick={() => goTo(entry.index)}>
                        {modelText(entry.aspect.name)}
                      </button>{' '}
                      <span className={isAnswered(entry) ? 'badge badge-on' : 'badge badge-off'}>{isAnswered(entry) ? t('beantwoord') : t('open')}</span>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          <p className="overview-finish">
            <button type="button" className="link-button" aria-current={position === summaryStep ? 'step' : undefined} onClick={() => goTo(summaryStep)}>
              {t('Klaar — versturen')}
            </button>
          </p>
          <p>
            <Link to={`/scholen/${schoolId}/zelfscan`}>{t('Terug naar de zelfscan')}</Link>
          </p>
        </nav>
      </div>
    </Page>
  );
}

interface AspectStepProps {
  current: PlacedAspect;
  total: number;
  model: ModelDetail;
  draft: Draft;
  isReadOnly: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  statusText: string;
  hasFailed: boolean;
  onChoose: (choice: Choice) => void;
  onEditNote: (note: string) => void;
  onLeaveNote: () => void;
  onPrevious: (() => void) | null;
  onNext: () => void;
}

// One aspect: the four phase descriptors and "weet ik niet" as radio buttons, and an optional note.
function AspectStep({ current, total, model, draft, isReadOnly, headingRef, statusText, hasFailed, onChoose, onEditNote, onLeaveNote, onPrevious, onNext }: AspectStepProps) {
  const { t } = useTranslation();
  const modelText = useModelText();
  const radioName = `groeifase-${current.index}`;
  const options: { choice: Choice; title: string; text: string | null }[] = [
    ...PHASE_KEYS.map((phase) => ({ choice: phase, title: modelText(model.definition.phases[phase]), text: modelText(current.aspect.descriptors[phase]) })),
    { choice: 'dont-know' as const, title: t('Weet ik niet'), text: null },
  ];
  const isLast = current.index === total - 1;
  return (
    <section className="card aspect-card" aria-labelledby="accent-kop">
      <p className="aspect-place">
        <span className="aspect-layer">{t('Groeilaag: {{layer}}', { layer: modelText(current.layer.name) })}</span>
        <span className="muted">{t('Accent {{number}} van {{total}}', { number: current.index + 1, total })}</span>
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
                <input type="radio" id={id} name={radioName} value={option.choice} checked={draft.choice === option.choice} onChange={() => onChoose(option.choice)} />
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
        <textarea id="toelichting" rows={3} maxLength={2000} value={draft.note} readOnly={isReadOnly} onChange={(event) => onEditNote(event.target.value)} onBlur={onLeaveNote} />
      </div>
      <p className={hasFailed ? 'save-status save-status-failed' : 'save-status'} aria-live="polite">
        {statusText}
      </p>
      <div className="form-actions step-buttons">
        <button type="button" className="button button-secondary" disabled={onPrevious === null} onClick={onPrevious ?? undefined}>
          {t('Vorige')}
        </button>
        <button type="button" className="button" onClick={onNext}>
          {isLast ? t('Naar klaar — versturen') : t('Volgende')}
        </button>
      </div>
    </section>
  );
}

interface SummaryStepProps {
  round: RoundDetail;
  model: ModelDetail;
  aspects: PlacedAspect[];
  isAnswered: (entry: PlacedAspect) => boolean;
  mayChange: boolean;
  isSent: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  statusText: string;
  onGoTo: (index: number) => void;
  onSend: () => Promise<void>;
  schoolId: string;
}

// The end of the scan: per layer how many aspects are answered, the open ones one click away, then "Versturen".
function SummaryStep({ round, model, aspects, isAnswered, mayChange, isSent, headingRef, statusText, onGoTo, onSend, schoolId }: SummaryStepProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const modelText = useModelText();
  const [isSending, setIsSending] = useState(false);
  const answered = aspects.filter(isAnswered).length;
  const send = async () => {
    setIsSending(true);
    try {
      await onSend();
    } finally {
      setIsSending(false);
    }
  };
  return (
    <section className="card aspect-card summary-step" aria-labelledby="klaar-kop">
      <h2 id="klaar-kop" tabIndex={-1} ref={headingRef}>
        {t('Klaar — versturen')}
      </h2>
      <p>{t('Je hebt {{answered}} van de {{total}} accenten beantwoord.', { answered: format.number(answered), total: format.number(aspects.length) })}</p>
      <ul className="summary-layers">
        {model.definition.layers.map((layer) => {
          const ofLayer = aspects.filter((entry) => entry.layer.id === layer.id);
          const open = ofLayer.filter((entry) => !isAnswered(entry));
          return (
            <li key={layer.id}>
              <span className="summary-layer-name">{modelText(layer.name)}</span>{' '}
              <span className={open.length === 0 ? 'badge badge-on' : 'badge badge-off'}>
                {t('{{answered}} van {{total}} beantwoord', { answered: format.number(ofLayer.length - open.length), total: format.number(ofLayer.length) })}
              </span>
              {open.length > 0 ? (
                <p className="summary-open">
                  {t('Nog open:')}{' '}
                  {open.map((entry, index) => (
                    <span key={entry.aspect.id}>
                      {index > 0 ? ', ' : null}
                      <button type="button" className="link-button" onClick={() => onGoTo(entry.index)}>
                        {modelText(entry.aspect.name)}
                      </button>
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {isSent ? (
        <div className="notice notice-success" role="status">
          <p>
            <strong>{t('Je antwoorden zijn verstuurd. Dank je wel!')}</strong>
          </p>
          <p>
            {t('Ze tellen mee in de uitkomsten, zonder je naam. Tot en met {{date}} kun je ze nog aanpassen: open de zelfscan dan opnieuw.', { date: format.date(round.closesOn) })}
          </p>
          <p>
            <Link to={`/scholen/${schoolId}/zelfscan`}>{t('Terug naar de zelfscan')}</Link>
          </p>
        </div>
      ) : mayChange ? (
        <>
          {answered < aspects.length ? (
            <p className="muted">{t('Je kunt ook versturen zonder alles in te vullen: wat open blijft telt niet mee. Vul liever “Weet ik niet” in als je het niet weet.')}</p>
          ) : null}
          <p className="muted">{t('Na het versturen kun je je antwoorden nog aanpassen tot en met {{date}}.', { date: format.date(round.closesOn) })}</p>
          <p className="save-status save-status-failed" aria-live="polite">
            {statusText}
          </p>
          <div className="form-actions">
            <button type="button" className="button" disabled={isSending} onClick={() => void send()}>
              {t('Versturen')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
