export { buildApp } from './app.js';
export { createPoolAnalyzer, type Analyzer, type AnalyzeBody } from './analyzer.js';
export { httpStatusFor } from './errors.js';
export { DEFAULT_RATE_LIMITS, DEFAULT_WEB_ROOT, isLoopbackHost, resolveServerOptions, type RateLimits, type ServerOptions } from './options.js';
