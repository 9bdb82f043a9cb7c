/** The numeric consistency checks: totals, shares, ranges and restated figures. */
export { createNumericCheck, type NumericCheckOptions } from './numeric.js';
