/** The quantity annotator: figures with their bounds, kinds and units. */
export { createQuantityAnnotator, type QuantityOptions } from './quantities.js';
