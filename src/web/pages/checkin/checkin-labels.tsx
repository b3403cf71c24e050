import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AgeGroup, CheckinState, SignalKind } from '../../../shared/checkin';

// The staff side names the states in one plain set of words, whatever words the pupils of a class
// see (those differ per age group and school; the legend shows them). Each case calls t() with a
// literal so the extractor sees it.

/** A state as staff read it, or "not checked in yet" for null. */
export function stateLabel(t: TFunction, state: CheckinState | null): string {
  switch (state) {
    case 'in_window':
      return t('In het raampje');
    case 'bit_high':
      return t('Een beetje te hoog');
    case 'far_high':
      return t('Veel te hoog');
    case 'low':
      return t('Te laag');
    case null:
      return t('Nog niet ingecheckt');
  }
}

/** The short name of a signal kind (the server sends the full explanation). */
export function signalLabel(t: TFunction, kind: SignalKind): string {
  switch (kind) {
    case 'asked_to_talk':
      return t('Wil graag praten');
    case 'far_high_today':
      return t('Vandaag veel te hoog');
    case 'low_today':
      return t('Vandaag te laag');
    case 'out_of_window_streak':
      return t('Vaak buiten het raampje');
    case 'changed_pattern':
      return t('Anders dan gewoonlijk');
    case 'sociogram_isolated':
      return t('Sociogram: door niemand gekozen');
    case 'sociogram_rejected':
      return t('Sociogram: heeft het lastig in de groep');
  }
}

/** The name of an age group, with the groups it is meant for. */
export function ageGroupLabel(t: TFunction, group: AgeGroup): string {
  switch (group) {
    case 'young':
      return t('Jong (groep 1 tot en met 3, met plaatjes)');
    case 'middle':
      return t('Midden (groep 4 tot en met 8)');
    case 'older':
      return t('Ouder (voortgezet onderwijs)');
  }
}

/** The CSS modifier of a state: every state has its own colour AND its own icon shape. */
export function stateClass(state: CheckinState | null): string {
  return state === null ? 'not-yet' : state.replace('_', '-');
}

// Each icon has its own shape, so the state never depends on colour alone: a tick inside the window,
// one or two arrows up above it, an arrow down below it, an open dashed circle for "not yet".
const ICON_PATHS: Record<string, string> = {
  'in-window': 'M7 12.5l3.2 3.2L17 9',
  'bit-high': 'M7 14l5-5 5 5',
  'far-high': 'M7 11l5-5 5 5M7 17l5-5 5 5',
  low: 'M7 10l5 5 5-5',
};

/** A state's icon; decorative, because its label is always written beside it. */
export function StateIcon({ state }: { state: CheckinState | null }) {
  const modifier = stateClass(state);
  return (
    <svg className={`state-icon state-icon--${modifier}`} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      {state === null ? (
        <circle className="state-icon-ring" cx="12" cy="12" r="9" strokeDasharray="3 3" />
      ) : (
        <>
          <circle className="state-icon-disc" cx="12" cy="12" r="11" />
          <path className="state-icon-mark" d={ICON_PATHS[modifier]} />
        </>
      )}
    </svg>
  );
}

/** A state shown as colour + icon + words together. */
export function StateBadge({ state }: { state: CheckinState | null }) {
  const { t } = useTranslation();
  return (
    <span className={`state-badge state-badge--${stateClass(state)}`}>
      <StateIcon state={state} />
      <span>{stateLabel(t, state)}</span>
    </span>
  );
}
