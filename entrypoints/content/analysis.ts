/**
 * What the content script uses of the analysis (the detectors, the gazetteer, the model tables:
 * most of the script), imported on first use: see `loadAnalysis` in suggestions.ts.
 */
export { analyzeInChunks } from '@/lib/analysis/chunked';
export { DETECTOR_VERSION } from '@/lib/analysis';
