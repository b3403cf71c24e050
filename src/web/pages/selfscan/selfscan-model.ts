import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DevelopmentModel } from '../../api/api-types';
import type { LocalizedText } from '../../../shared/selfscan-model';

/** One aspect of a model with the layer it belongs to and its place in model order. */
export interface PlacedAspect {
  index: number;
  layer: DevelopmentModel['layers'][number];
  aspect: DevelopmentModel['layers'][number]['aspects'][number];
}

/** The four growth phases as the model's descriptor keys. */
export const PHASE_KEYS = ['1', '2', '3', '4'] as const;

/** Every aspect of a model in model order (layer by layer). */
export function placedAspectsOf(model: DevelopmentModel): PlacedAspect[] {
  return model.layers.flatMap((layer) => layer.aspects.map((aspect) => ({ layer, aspect }))).map((entry, index) => ({ ...entry, index }));
}

/** Picks the model text in the interface language (the model's texts are data, not catalogue entries). */
export function useModelText(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.language === 'en' ? text.en : text.nl);
}

/** The phase an aspect aims at next: one up from the agreed phase, phase 4 stays the aim once reached. */
export function nextPhaseOf(phase: number): '1' | '2' | '3' | '4' {
  return PHASE_KEYS[Math.min(4, phase + 1) - 1] ?? '4';
}

/** The descriptor key of a phase number from the API. */
export function phaseKey(phase: number): '1' | '2' | '3' | '4' {
  return PHASE_KEYS[phase - 1] ?? '1';
}

/** What a hidden cell reads instead of figures: too few answers, with the board's k named. */
export function tooFewAnswersText(t: TFunction, k: number): string {
  return t('te weinig antwoorden (minder dan {{k}})', { k });
}
