import type { MotionEventLike, MotionWindow } from '../../../src/sensors/motion';

/** A window that fires devicemotion events on demand, as a browser would; secure and with the API unless told otherwise. */
export class FakeMotionWindow implements MotionWindow {
  isSecureContext?: boolean = true;
  DeviceMotionEvent?: unknown = function DeviceMotionEvent() {};
  private readonly listeners = new Set<(event: MotionEventLike) => void>();

  constructor(overrides: Partial<Pick<MotionWindow, 'isSecureContext' | 'DeviceMotionEvent'>> = {}) {
    Object.assign(this, overrides);
  }
  addEventListener(_type: 'devicemotion', listener: (event: MotionEventLike) => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'devicemotion', listener: (event: MotionEventLike) => void): void {
    this.listeners.delete(listener);
  }
  get listenerCount(): number {
    return this.listeners.size;
  }
  fire(event: MotionEventLike): void {
    for (const listener of this.listeners) listener(event);
  }
}
