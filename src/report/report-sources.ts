/** The sources the report's numbers come from, as footnotes: only those it shows. */
import {
  SPRINGER_2007_CITATION,
  BOHANNON_1984_EYES_OPEN,
  BOHANNON_2006_EYES_OPEN,
  VELLAS_1997_FALL_RISK,
} from '../core/norms';
import type { Footnote, ReportModel } from './report-types';

/** SI's source (core/symmetry.ts). */
export const HERZOG_1989_CITATION =
  'Herzog W, Nigg BM, Read LJ, Olsson E. Asymmetries in ground reaction force patterns in normal human gait. Med Sci Sports Exerc. 1989;21(1):110-114.';

const NORM_CITATIONS: Record<string, string> = {
  'Springer et al. 2007': SPRINGER_2007_CITATION,
  [BOHANNON_1984_EYES_OPEN.source]: BOHANNON_1984_EYES_OPEN.citation,
  [BOHANNON_2006_EYES_OPEN.source]: BOHANNON_2006_EYES_OPEN.citation,
};

export function footnotesFor(model: ReportModel): Footnote[] {
  const notes: Footnote[] = [];
  const progress = model.progress;
  if (progress?.mdc.applies)
    notes.push({ source: progress.mdc.value.source, citation: progress.mdc.value.citation });
  if (progress && 'lowS' in progress.norm) {
    const citation = NORM_CITATIONS[progress.norm.source];
    if (citation) notes.push({ source: progress.norm.source, citation });
  }
  if (progress && 'holdBelowS' in progress.fallRisk) {
    notes.push({ source: VELLAS_1997_FALL_RISK.source, citation: VELLAS_1997_FALL_RISK.citation });
  }
  if (model.sides) notes.push({ source: 'Herzog et al. 1989 (SI)', citation: HERZOG_1989_CITATION });
  return notes;
}
