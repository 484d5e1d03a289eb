/**
 * The history's places (loaded on demand, with their styles): the list, the left/right
 * comparison and progress over time; one stored trial, the export and the import load on
 * their first visit (with the file formats they are about as much code again, which a page
 * opened on the list or a chart would fetch and compile for nothing).
 */
import './history.css';
import { showCompare } from './compare-view';
import { showHistory } from './history-view';
import type { PlaceContext } from './place-context';
import { showProgress } from './progress-view';
import type { Route } from './routes';

export type { PlaceContext };

export function showPlace(place: Route, context: PlaceContext): void {
  const shown =
    place.name === 'trial'
      ? import('./stored-trial-view').then((view) => view.showStoredTrial(context, place.trialId))
      : place.name === 'compare'
        ? showCompare(context)
        : place.name === 'progress'
          ? showProgress(context)
          : place.name === 'export'
            ? import('./export-view').then((view) => view.showExport(context))
            : place.name === 'import'
              ? import('./import-view').then((view) => view.showImport(context))
              : place.name === 'report'
                ? import('./report-view').then((view) => view.showReport(context))
                : place.name === 'training-progress'
                  ? import('./training-progress-view').then((view) => view.showTrainingProgress(context))
                  : showHistory(context);
  shown.catch((error: unknown) => {
    if (!context.isCurrent()) return;
    const message = error instanceof Error ? error.message : String(error);
    const section = document.createElement('section');
    section.className = 'screen history-page';
    section.dataset['screen'] = 'history-error';
    const title = document.createElement('h1');
    title.textContent = 'The history could not be shown';
    const text = document.createElement('p');
    text.textContent = message;
    section.append(title, text);
    context.show(section);
  });
}
