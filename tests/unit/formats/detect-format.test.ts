import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/formats/detect-format';
import { readRecordings } from '../../../src/formats/read-recordings';

describe('detectFormat', () => {
  it.each([
    ['t_ms,ax,ay,az\r\n0,1,2,3\r\n', 'stork-samples'],
    ['\uFEFF\r\n"T_MS","AX","AY","AZ","GX","GY","GZ"\n', 'stork-samples'],
    ['trial_id,t_ms,az,ay\n', 'stork-samples'],
    ['t_s,ap,ml\n0.01,-7.1,0.27\n', 'sway-2d'],
    ['ml,ap,t_ms', 'sway-2d'],
    ['', 'unknown'],
    ['   \n\n', 'unknown'],
    ['0,1,2,3\n', 'unknown'],
    // phyphox and Sensor Logger headers are not recognised yet: they come with their readers.
    ['"Time (s)";"X (m/s^2)";"Y (m/s^2)";"Z (m/s^2)"\n', 'unknown'],
    ['time,seconds_elapsed,z,y,x\n', 'unknown'],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('readRecordings', () => {
  it('reads samples as motion and 2-D sway as sway', () => {
    const [motion] = readRecordings('t_ms,ax,ay,az\n0,1,2,3\n');
    expect(motion?.format).toBe('stork-samples');
    expect(motion?.recording.kind).toBe('motion');
    const [sway] = readRecordings('t_s,ap,ml\n0,1,2\n');
    expect(sway?.format).toBe('sway-2d');
    expect(sway?.recording.kind).toBe('sway');
  });

  it.each([
    ['', 'file is empty'],
    ['1,2,3\n4,5,6\n', 'no header row'],
    [
      '\ntime,seconds_elapsed,z,y,x\n1,0,1,2,3\n',
      'line 2: not a Stork samples or 2-D sway CSV (no ax, ay, az or ap, ml columns)',
    ],
    ['t_ms,ax,az\n0,1,2\n', 'line 1: missing column ay'],
  ])('rejects %j with "%s"', (text, message) => {
    expect(() => readRecordings(text)).toThrow(message);
  });
});
