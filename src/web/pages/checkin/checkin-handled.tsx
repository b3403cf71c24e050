import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckinSignal, SignalHandled } from '../../api/checkin-types';
import { useFormat } from '../../i18n/format';
import { signalLabel } from './checkin-labels';

// Signals that were talked about today (a "we talked" note, see docs/features/checkin.md "Talked about"): they
// leave the lists that ask for attention and show, with who and when, in a section of their own.

/** A signal that was talked about. */
export type HandledSignal = CheckinSignal & { handled: SignalHandled };

/** Signals split into those still waiting for a conversation and those talked about today. */
export function splitHandled(signals: readonly CheckinSignal[]): { open: CheckinSignal[]; handled: HandledSignal[] } {
  const open: CheckinSignal[] = [];
  const handled: HandledSignal[] = [];
  for (const signal of signals) {
    if (signal.handled) handled.push({ ...signal, handled: signal.handled });
    else open.push(signal);
  }
  return { open, handled };
}

/** "Besproken op 27 november 2026 door Sanne Verbeek": a signal that was talked about, with a tick (never colour alone). */
export function HandledLine({ handled }: { handled: SignalHandled }) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = format.date(handled.date);
  return (
    <span className="checkin-handled">
      <svg className="handled-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M5 12.5l4.5 4.5L19 7.5" />
      </svg>{' '}
      {handled.byName ? t('Besproken op {{date}} door {{name}}', { date, name: handled.byName }) : t('Besproken op {{date}} door een collega', { date })}
    </span>
  );
}

/** One pupil with the signals talked about today; `className` when the list spans classes. */
export interface HandledEntry {
  pupilId: string;
  displayName: string;
  link: string;
  className?: string;
  signals: HandledSignal[];
}

/** The "Vandaag besproken" section: each pupil with the signals talked about today, who talked and when. */
export function HandledSection({ headingId, entries }: { headingId: string; entries: HandledEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="card card-quiet">
      <h2 id={headingId}>{t('Vandaag besproken')}</h2>
      <ul className="checkin-signal-list">
        {entries.map((entry) => (
          <li key={entry.pupilId}>
            <Link to={entry.link} className="checkin-signal-name">
              {entry.displayName}
            </Link>
            {entry.className ? <span className="muted"> ({entry.className})</span> : null}
            <ul>
              {entry.signals.map((signal) => (
                <li key={signal.kind}>
                  <strong>{signalLabel(t, signal.kind)}:</strong> <HandledLine handled={signal.handled} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
