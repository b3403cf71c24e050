import type { TFunction } from 'i18next';
import type { ActivityKind, ActivityPlace, ActivityState } from '../../api/regulation-types';

/** An activity's text in the page's language. */
export function wordingOf(text: { nl: string; en: string }, language: string): string {
  return language.startsWith('en') ? text.en : text.nl;
}

/** The kind of an activity, with whether it works from the body up or from thinking down. */
export function kindLabel(t: TFunction, kind: ActivityKind): string {
  switch (kind) {
    case 'breathing':
      return t('Ademhaling');
    case 'movement':
      return t('Bewegen');
    case 'sensory':
      return t('Zintuigen');
    case 'muscle-relaxation':
      return t('Spieren ontspannen');
    case 'rhythm':
      return t('Ritme');
    case 'naming-feeling':
      return t('Het gevoel benoemen');
    case 'reflection':
      return t('Terugkijken');
    case 'planning':
      return t('Vooruit plannen');
  }
}

/** For which state an activity is meant. */
export function stateForLabel(t: TFunction, state: ActivityState): string {
  switch (state) {
    case 'too_high':
      return t('Boven het raampje (te hoog)');
    case 'too_low':
      return t('Onder het raampje (te laag)');
    case 'in_window':
      return t('Binnen het raampje, om te oefenen');
  }
}

/** Where an activity can be done. */
export function placeLabel(t: TFunction, place: ActivityPlace): string {
  switch (place) {
    case 'desk':
      return t('Aan het eigen tafeltje');
    case 'class':
      return t('Met de hele klas');
    case 'calm-corner':
      return t('In de rustplek');
    case 'outside':
      return t('Buiten');
  }
}

/** A duration in seconds as "45 seconden" or "3 minuten". */
export function durationLabel(t: TFunction, seconds: number): string {
  return seconds < 60 ? t('{{seconds}} seconden', { seconds }) : t('{{minutes}} min', { minutes: Math.round(seconds / 60) });
}
