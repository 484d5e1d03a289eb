/**
 * The history's places (loaded on demand, with their styles): the list, one stored trial, the
 * left/right comparison and progress over time.
 */
import './history.css';
import { showCompare } from './compare-view';
import { showExport } from './export-view';
import { showHistory } from './history-view';
import { showImport } from './import-view';
import type { PlaceContext } from './place-context';
import { showProgress } from './progress-view';
import type { Route } from './routes';
import { showStoredTrial } from './stored-trial-view';

export type { PlaceContext };

export function showPlace(place: Route, context: PlaceContext): void {
  const shown =
    place.name === 'trial'
      ? showStoredTrial(context, place.trialId)
      : place.name === 'compare'
        ? showCompare(context)
        : place.name === 'progress'
          ? showProgress(context)
          : place.name === 'export'
            ? showExport(context)
            : place.name === 'import'
              ? showImport(context)
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
