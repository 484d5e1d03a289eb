/**
 * The page's one screen at a time (app.ts): showing a screen releases the one before (its
 * subscriptions and views), hides the navigation on a running trial, and moves the focus to the
 * new screen's heading.
 */
import type { Subscription } from 'rxjs';
import { replaceChildren } from './dom';
import type { AppNav } from './nav';

export interface ScreenHost {
  /** Shows `element` instead of the current screen; `dispose` runs when it goes. */
  show(element: HTMLElement, dispose?: () => void): void;
  /** Keeps `subscription` until the screen changes. */
  keep(subscription: Subscription): void;
  /** Raised by every change of screen: a place still loading knows it was left. */
  ticket(): number;
  /** Raises the ticket without a new screen (a place starts loading) and returns it. */
  nextTicket(): number;
}

/** `navHidden`: the navigation stays hidden on every screen (no history pages). */
export function screenHost(screen: HTMLElement, nav: AppNav, navHidden: boolean): ScreenHost {
  /** Subscriptions and views of the current screen, released when the screen changes. */
  let screenSubscriptions: Subscription[] = [];
  let disposeScreen: () => void = () => undefined;

  /** Raised by every change of screen: a place still loading knows it was left. */
  let screenTicket = 0;

  /** Screens shown so far in this visit. */
  let screensShown = 0;

  function show(element: HTMLElement, dispose: () => void = () => undefined): void {
    screenTicket++;
    // The trial page has no way out but Stop: the phone is against the body.
    const running = element.dataset['screen'] === 'trial' || element.dataset['screen'] === 'training-run';
    nav.setHidden(navHidden || running);
    for (const subscription of screenSubscriptions) subscription.unsubscribe();
    screenSubscriptions = [];
    disposeScreen();
    disposeScreen = dispose;
    replaceChildren(screen, element);
    window.scrollTo(0, 0);
    // A new screen takes the focus to its heading, so a screen reader starts there. The first
    // screen of a visit does not: the focus is at the page's start already, and focusing would
    // force a layout inside the page's first script task (about 90-140 ms of a 4x-slowed CPU,
    // most of the page's Total Blocking Time in Lighthouse) instead of the frame's own.
    if (screensShown++ > 0) element.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }

  return {
    show,
    keep: (subscription) => void screenSubscriptions.push(subscription),
    ticket: () => screenTicket,
    nextTicket: () => ++screenTicket,
  };
}
