export * from './sourcing.js';
