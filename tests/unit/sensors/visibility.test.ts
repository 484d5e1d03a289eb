import { describe, expect, it } from 'vitest';
import { visibility$, type VisibilityDocument } from '../../../src/sensors/visibility';

function fakeDocument() {
  const targets = { doc: new EventTarget(), view: new EventTarget() };
  const doc = Object.assign(targets.doc, { visibilityState: 'visible', defaultView: targets.view });
  return {
    doc: doc as unknown as VisibilityDocument,
    set(state: 'visible' | 'hidden') {
      doc.visibilityState = state;
      targets.doc.dispatchEvent(new Event('visibilitychange'));
    },
    pageHide: () => targets.view.dispatchEvent(new Event('pagehide')),
  };
}

describe('visibility$', () => {
  it('gives the state at subscription, then each change once; pagehide counts as hidden', () => {
    const page = fakeDocument();
    const seen: string[] = [];
    const source$ = visibility$(page.doc);
    page.set('hidden'); // before subscribing: only the state at subscription counts
    const subscription = source$.subscribe((state) => seen.push(state));
    page.set('visible');
    page.set('visible');
    page.pageHide();
    page.set('hidden');
    subscription.unsubscribe();
    page.set('visible');
    expect(seen).toEqual(['hidden', 'visible', 'hidden']);
  });
});
