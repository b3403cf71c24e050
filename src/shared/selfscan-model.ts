import { z } from 'zod';
import { definitionIdSchema as idSchema, definitionVersionSchema, localizedTextSchema } from './definition-schemas';

export { type LocalizedText, localizedTextSchema } from './definition-schemas';

/** The four growth phases every aspect is described at. */
export const GROWTH_PHASES = [1, 2, 3, 4] as const;
/** One growth phase (groeifase). */
export type GrowthPhase = (typeof GROWTH_PHASES)[number];

/** One aspect (accent) of a layer, described at each of the four growth phases. */
export const modelAspectSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  descriptors: z.strictObject({
    '1': localizedTextSchema,
    '2': localizedTextSchema,
    '3': localizedTextSchema,
    '4': localizedTextSchema,
  }),
});

/** A growth layer (groeilaag): a theme with its aspects. */
export const modelLayerSchema = z.strictObject({
  id: idSchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  aspects: z.array(modelAspectSchema).min(1).max(50),
});

/**
 * A development model (rubric): layers → aspects → four phase descriptors, each text in nl and en.
 * Groeiwijzer ships the TSO development model in this format; schools can import others.
 */
export const developmentModelSchema = z
  .strictObject({
    /** Stable id of the model across versions, e.g. `tso-development-model`. */
    id: idSchema,
    /** Version of this model text, e.g. `1.0.0`; a version used in a round never changes. */
    version: definitionVersionSchema,
    name: localizedTextSchema,
    /** Where the model comes from and how it was written. */
    source: localizedTextSchema,
    /** Names of the four growth phases. */
    phases: z.strictObject({ '1': localizedTextSchema, '2': localizedTextSchema, '3': localizedTextSchema, '4': localizedTextSchema }),
    layers: z.array(modelLayerSchema).min(1).max(20),
  })
  .superRefine((model, context) => {
    const seen = new Set<string>();
    model.layers.forEach((layer, layerIndex) => {
      if (seen.has(layer.id)) context.addIssue({ code: 'custom', path: ['layers', layerIndex, 'id'], message: `duplicate id ${layer.id}` });
      seen.add(layer.id);
      layer.aspects.forEach((aspect, aspectIndex) => {
        const path = ['layers', layerIndex, 'aspects', aspectIndex, 'id'];
        if (!aspect.id.startsWith(`${layer.id}.`)) context.addIssue({ code: 'custom', path, message: `aspect id must start with "${layer.id}."` });
        if (seen.has(aspect.id)) context.addIssue({ code: 'custom', path, message: `duplicate id ${aspect.id}` });
        seen.add(aspect.id);
      });
    });
  });

/** A development model as validated. */
export type DevelopmentModel = z.infer<typeof developmentModelSchema>;
/** One aspect of a model. */
export type ModelAspect = z.infer<typeof modelAspectSchema>;

/** The aspect ids of a model in model order (layer by layer). */
export function aspectIdsOf(model: DevelopmentModel): string[] {
  return model.layers.flatMap((layer) => layer.aspects.map((aspect) => aspect.id));
}
