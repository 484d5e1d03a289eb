import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/fixtures';

/**
 * The other apps' exports are copies of the shared data, byte for byte (fixtures/PROVENANCE.md):
 * these are the sha256 of the shared files (`sha256sum ../shared/data/{phyphox,sensorlogger,phone}/*`)
 * and of the two phyphox meta files added from the same repository. A line-end conversion or an
 * edit would change what the importer tests say about the real files.
 */
const SHA256: Record<string, string> = {
  'phyphox/andrefcmoraes_RawData_AccelWithG_comma.csv':
    '1783a51bcc925b9a54f03109d5859f9759e198a2430dc39e5dd06bca91428aaa',
  'phyphox/felipesato_RawData_LinearAccel_tab.csv':
    '72c598db689751b48a5ee904803ac26b55a91e3d3cc430d99089cfb8c309f574',
  'phyphox/kartof0nix_Accelerometer_semicolon.csv':
    '038dfc4f791973ea23832903159907d7c50c6f34599b4fe8a2bbd01e4f9a4102',
  'phyphox/kartof0nix_Gyroscope_semicolon.csv':
    '19cd579b04339ee38bb95e37a5412760923e466e80e1a4c2339e854f708ff899',
  'phyphox/kartof0nix_meta_device.csv': '7deacf44dc79d9d74cfd67f5a150baddc841a38eb049f78522f1a8157dee5d60',
  'phyphox/kartof0nix_meta_time.csv': '6ddbea7fdf9e9b8b05e3776649e7604b52f27df80cb30a0af48ff714bc7cdb48',
  'phyphox/trobb20_Accelerometer_comma.csv':
    '202261dd24ed8aa1952e0d5a40fc5b19cf8fb8b26d9b8efb8be34ec04adaa327',
  'sensorlogger/malimsZen_SM-N986B_Metadata.csv':
    '14bfc2e1c3370f05e235184ebe7369b62fbab9b7cdd2148d10aa1ef1603d87c9',
  'sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv':
    'de66790b34a6495c221bed396777a27defeadca89442fd975ac4720a60811537',
  'sensorlogger/selen-s_iPhone17Pro_Gravity.csv':
    'f19f0a04d2fc241ad874c5dd32d8aa512f1e2d0cac4de8a914683dbcce40751e',
  'phone/aybarscebi_iphone_standing.csv': 'b19e78e2aa99292b9728b5cbd035c8edfaf3b06be0c88476f11541c0c1e3614e',
  'phone/ubc_balancetest_f97e3b64.csv': '0e4d46172d6ba44982a9b356a6d35f88b342fbf324ad1bd8bbfdcc8f50400c94',
};

describe('fixtures of other apps', () => {
  it.each(Object.entries(SHA256))('%s is the file its provenance names', (path, sha256) => {
    expect(
      createHash('sha256')
        .update(readFileSync(fixturePath(path)))
        .digest('hex'),
    ).toBe(sha256);
  });
});
