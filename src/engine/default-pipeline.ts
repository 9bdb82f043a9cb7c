import { createPipeline, type Pipeline } from '../core/pipeline.js';
import { createAttributionAnnotator } from '../annotators/attributions/index.js';
import { createClaimAnnotator } from '../annotators/claims/index.js';
import { createEntityAnnotator } from '../annotators/entities/index.js';
import { createQuantityAnnotator } from '../annotators/quantities/index.js';
import { createSentenceAnnotator } from '../annotators/sentences/index.js';
import { createTechniqueAnnotator } from '../annotators/techniques/index.js';
import { createLanguageCheck } from '../checks/language/index.js';
import { createNumericCheck } from '../checks/numeric/index.js';
import { createSourcingCheck } from '../checks/sourcing/index.js';

/** The standard pipeline: annotators in dependency order, then the checks; `models: false` leaves the trained models out. */
export function createDefaultPipeline(options: { threshold: number; models?: boolean }): Pipeline {
  return createPipeline([
    createSentenceAnnotator(),
    createEntityAnnotator(),
    createQuantityAnnotator(),
    createAttributionAnnotator(options.models === false ? { tagger: null } : {}),
    createClaimAnnotator({ threshold: options.threshold, ...(options.models === false ? { model: null } : {}) }),
    createTechniqueAnnotator(options.models === false ? { spanTagger: null } : {}),
    createLanguageCheck(),
    createNumericCheck(options.models === false ? { sums: null } : {}),
    createSourcingCheck({ threshold: options.threshold }),
  ]);
}
