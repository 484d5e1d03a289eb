/**
 * The import page (SPEC section 7): files chosen or dropped are read in a Web Worker
 * (import-worker.ts) with a progress bar, so a 50 MB file does not freeze the page; then the
 * page shows what was found (format, rows, rate, what was converted, what was left out:
 * import-preview.ts), the person chooses whose trials they are and, where the files do not say,
 * the side and condition, and Save stores every trial in one transaction (all or none:
 * import-assign.ts).
 */
import { h, replaceChildren } from './dom';
import { page } from './history-page';
import { assignmentForm } from './import-assign';
import { previewOf } from './import-preview';
import { readInWorker } from './import-worker';
import type { PlaceContext } from './place-context';
import { routeHash } from './routes';

/** A file's name without its folders (a zip's entries have them). */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export async function showImport(context: PlaceContext): Promise<void> {
  const store = await context.history.ready;
  if (!context.isCurrent()) return;
  const section = page('import', 'Import');
  if (store === null) {
    section.append(h('p', {}, context.history.problem() ?? 'The history is not available.'));
    context.show(section);
    return;
  }
  const input = h('input', {
    id: 'import-files',
    attrs: { type: 'file', multiple: '', accept: '.csv,.zip' },
  });
  const dropZone = h(
    'div',
    { className: 'drop-zone', data: { field: 'drop-zone' } },
    h('label', { attrs: { for: 'import-files' } }, 'Choose files (.csv or .zip)'),
    input,
    h('p', {}, 'or drop them here'),
  );
  const progress = h('progress', {
    attrs: {
      max: '100',
      value: '0',
      'aria-label': 'Reading the files',
      'aria-valuenow': '0',
      role: 'progressbar',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
    },
  });
  const progressText = h('span', {
    className: 'import-progress-text',
    data: { field: 'import-progress-text' },
  });
  const progressField = h('div', { className: 'import-progress' }, progress, progressText);
  progressField.hidden = true;
  const message = h('div', {
    className: 'import-message',
    data: { field: 'import-message' },
    attrs: { role: 'alert' },
  });
  const result = h('div', { className: 'import-result' });

  function setProgress(fraction: number, file: string | null): void {
    const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    progress.value = percent;
    progress.setAttribute('aria-valuenow', String(percent));
    const text = file === null ? `${percent} %` : `Reading ${baseName(file)}: ${percent} %`;
    progress.setAttribute('aria-valuetext', text);
    progressText.textContent = text;
  }

  let reading = false;
  async function read(files: File[]): Promise<void> {
    if (files.length === 0 || reading) return;
    reading = true;
    replaceChildren(result);
    message.textContent = '';
    setProgress(0, files[0]?.name ?? null);
    progressField.hidden = false;
    dropZone.setAttribute('aria-busy', 'true');
    try {
      const report = await readInWorker(files, setProgress);
      setProgress(1, null);
      progressText.textContent = `Read ${files.length} ${files.length === 1 ? 'file' : 'files'}`;
      if (!context.isCurrent()) return;
      if (report.trials.length === 0) {
        const [only] = report.failed;
        message.textContent =
          report.failed.length === 0
            ? 'No trial was found in these files. Nothing was saved.'
            : `Nothing was imported. ${report.failed.length === 1 && only !== undefined ? only.message : `None of the ${report.failed.length} files could be imported.`}`;
        const leftOut = report.ignored.length > 0 || report.skippedCount > 0 || report.failed.length > 1;
        replaceChildren(result, leftOut ? previewOf(report) : null);
        return;
      }
      const people = await store!.people.list();
      replaceChildren(
        result,
        previewOf(report),
        assignmentForm(store!, context, people, report, (person, count) => {
          context.history.choosePerson(person);
          replaceChildren(
            result,
            h(
              'p',
              { data: { field: 'import-saved', value: String(count) }, attrs: { role: 'status' } },
              `Saved ${count} ${count === 1 ? 'trial' : 'trials'} in ${person.name}’s history.`,
            ),
            h(
              'p',
              {},
              h(
                'a',
                { className: 'button-link primary', attrs: { href: routeHash({ name: 'history' }) } },
                'Show the history',
              ),
            ),
          );
          context.say(`Saved ${count} trials`);
        }),
      );
    } catch (error) {
      progressField.hidden = true;
      message.textContent = `Nothing was imported. ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      reading = false;
      dropZone.removeAttribute('aria-busy');
      input.value = '';
    }
  }

  input.addEventListener('change', () => void read([...(input.files ?? [])]));
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', (event) => {
    // Leaving for one of the zone's own children is not leaving the zone.
    if (!(event.relatedTarget instanceof Node && dropZone.contains(event.relatedTarget)))
      dropZone.classList.remove('dragging');
  });
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    void read([...(event.dataTransfer?.files ?? [])]);
  });

  section.append(
    h(
      'p',
      {},
      'Stork’s own samples and summary files, phyphox and Sensor Logger exports (several files or a zip), UBC Balance Test and iPhone g-unit exports, and a force plate’s 2-D sway CSV (t_ms or t_s, ap, ml: kept in its own unit). Nothing is saved until you choose whose trials they are.',
    ),
    dropZone,
    progressField,
    message,
    result,
    h('p', {}, h('a', { attrs: { href: routeHash({ name: 'history' }) } }, 'Back to the history')),
  );
  context.show(section);
}
