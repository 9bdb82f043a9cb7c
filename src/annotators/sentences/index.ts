export * from './sentences.js';
