/** The one error type the analysis core throws for input it cannot analyse. */
export class AnalysisError extends Error {
  override name = 'AnalysisError';
}
