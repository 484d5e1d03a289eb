/**
 * The bundled demo recording: a simulated 35 s single-leg trial on the chest that ends in a
 * foot touch-down at 32.9 s (fixtures/demo/case01.csv; provenance in fixtures/PROVENANCE.md).
 * Imported on demand, so the page loads without it.
 */
import type { MotionRecording } from '../core/types';
import { readSamplesCsv } from '../formats/samples-csv';
import demoCsv from '../../fixtures/demo/case01.csv?raw';

export function demoRecording(): MotionRecording {
  const trial = readSamplesCsv(demoCsv)[0];
  if (trial === undefined) throw new Error('demo recording: no trial in fixtures/demo/case01.csv');
  return trial.recording;
}
