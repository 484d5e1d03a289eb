/**
 * The Web Worker that imports files off the page's main thread (a 50 MB file must not freeze
 * the page). It only wires messages: the work is `importSources` (stream-import.ts).
 *
 * In: `{ files: File[] }`. Out: `{ type: 'progress', file, fraction }` after each part (bytes
 * read / file size), then `{ type: 'done', report }` (an ImportReport; its sample columns are
 * transferred; files that cannot be imported are in its `failed`, with their line and reason),
 * or `{ type: 'error', message }` when the reading itself fails (nothing was imported).
 *
 * Start it from the page with `new Worker(new URL('./formats/worker-entry.ts', import.meta.url),
 * { type: 'module' })` (Vite bundles it).
 */
import { importSources, type ImportSource } from './stream-import';

/** The worker's global scope, typed for what is used here (the project's types are the page's DOM). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ files: File[] }>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  void run(event.data.files);
};

async function run(files: File[]): Promise<void> {
  try {
    const sources = await Promise.all(files.map(sourceOf));
    const report = await importSources(sources);
    const transfer = report.trials.flatMap(({ record }) =>
      Object.values(record.samples).map((column: Float64Array) => column.buffer),
    );
    scope.postMessage({ type: 'done', report }, transfer);
  } catch (error) {
    // Not the input (each file's FormatError is in the report) but the reading: a file that
    // went away, memory. The page says so; nothing was imported.
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

async function sourceOf(file: File): Promise<ImportSource> {
  if (file.name.toLowerCase().endsWith('.zip'))
    return { name: file.name, zip: new Uint8Array(await file.arrayBuffer()) };
  let bytes = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        scope.postMessage({
          type: 'progress',
          file: file.name,
          fraction: file.size === 0 ? 1 : bytes / file.size,
        });
        controller.enqueue(chunk);
      },
    }),
  );
  return { name: file.name, text: counted.pipeThrough(new TextDecoderStream()) };
}
