export * from './classifier.js';
export { createArticleContext, FEATURE_GROUPS, normaliseWording, spanFeatures, type ArticleContext, type FeatureGroup, type FeatureList } from './features.js';
export { describeFeature } from './explain.js';
