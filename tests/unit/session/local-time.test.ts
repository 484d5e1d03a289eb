import { describe, expect, it } from 'vitest';
import { isoWithOffset } from '../../../src/session/local-time';

describe('isoWithOffset', () => {
  it('writes the local time with its UTC offset, and reads back as the same instant', () => {
    const date = new Date(Date.UTC(2026, 2, 5, 13, 7, 9, 250));
    const text = isoWithOffset(date);
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(new Date(text).getTime()).toBe(date.getTime());
  });
});
