export * from './techniques.js';
