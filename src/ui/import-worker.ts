/**
 * The import page's hand-off to a Web Worker (src/formats/worker-entry.ts): the files are read
 * and parsed there, with progress, so a 50 MB file does not freeze the page.
 */
import type { ImportReport } from '../formats/import-files';

/** What the worker posts (worker-entry.ts). */
type WorkerMessage =
  | { type: 'progress'; file: string; fraction: number }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; message: string };

/**
 * Reads the files in a worker; resolves with the report (files that cannot be imported are in its
 * `failed`) or rejects when the worker itself fails.
 */
export function readInWorker(
  files: File[],
  onProgress: (fraction: number, file: string) => void,
): Promise<ImportReport> {
  const worker = new Worker(new URL('../formats/worker-entry.ts', import.meta.url), { type: 'module' });
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const readBytes = new Map<string, number>();
  return new Promise<ImportReport>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        const file = files.find((candidate) => candidate.name === message.file);
        readBytes.set(message.file, message.fraction * (file?.size ?? 0));
        let sum = 0;
        for (const bytes of readBytes.values()) sum += bytes;
        onProgress(totalBytes === 0 ? 1 : sum / totalBytes, message.file);
        return;
      }
      worker.terminate();
      if (message.type === 'done') resolve(message.report);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The files could not be read.'));
    };
    worker.postMessage({ files });
  });
}
