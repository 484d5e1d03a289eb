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
    // Other apps' headers, as the fixtures under fixtures/phyphox, sensorlogger and phone begin.
    ['"Time (s)";"X (m/s^2)";"Y (m/s^2)";"Z (m/s^2)"\n', 'phyphox'],
    ['"Time (s)"\t"Linear Acceleration x (m/s^2)"\t"Linear Acceleration y (m/s^2)"\n', 'phyphox'],
    ['"Time (s)","Gyroscope x (rad/s)","Gyroscope y (rad/s)","Gyroscope z (rad/s)"\n', 'phyphox'],
    ['time,seconds_elapsed,z,y,x\n', 'sensor-logger'],
    ['version,device name,recording epoch time,platform\n', 'sensor-logger-metadata'],
    ['"property";"value"\n"deviceModel";"iPhone13,4"\n', 'phyphox-meta'],
    ['ts,ax,ay,az,gx,gy,gz,mx,my,mz\n', 'ubc-balance-test'],
    ['Date;Timestamp;DeviceOrientation;AccelerationX;AccelerationY;AccelerationZ;Label\n', 'coremotion-g'],
    ['file,trial_id,date_time,analysis_version\n', 'stork-summary'],
    // A "Time (s)" column alone, or units phyphox uses for other sensors, are not enough.
    ['"Time (s)";"X (µT)";"Y (µT)";"Z (µT)"\n', 'unknown'],
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
      '\ntime,speed,heading\n1,0,1\n',
      'line 2: unknown format: not a Stork samples or 2-D sway CSV (t_ms, ax, ay, az or ap, ml), nor a ' +
        'phyphox, Sensor Logger, UBC Balance Test or iPhone g-units export',
    ],
    ['\ntime,seconds_elapsed,z,y,x\n1,0,1,2,3\n', 'line 2: Sensor Logger file of an unknown sensor'],
    [
      'trial_id,analysis_version\n',
      'a Stork summary CSV holds results, not samples: analyse the samples CSV',
    ],
    ['t_ms,ax,az\n0,1,2\n', 'line 1: missing column ay'],
  ])('rejects %j with "%s"', (text, message) => {
    expect(() => readRecordings(text)).toThrow(message);
  });
});
