export * from './attributions.js';
