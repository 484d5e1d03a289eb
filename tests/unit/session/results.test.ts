import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createMemoryResultLog } from '../../../src/session/results';
import type { TrialRecord } from '../../../src/session/types';

const record = (id: string, holdTimeS: number) => ({ id, holdTimeS }) as TrialRecord;

describe('memory result log', () => {
  it('keeps saved records in order, shows the list to late subscribers, and replaces a record saved again', async () => {
    const log = createMemoryResultLog();
    const seen: string[][] = [];
    log.records$.subscribe((records) => seen.push(records.map((r) => `${r.id}:${r.holdTimeS}`)));
    await log.save(record('a', 12));
    await log.save(record('b', 30));
    await log.save(record('a', 13));
    expect(seen).toEqual([[], ['a:12'], ['a:12', 'b:30'], ['a:13', 'b:30']]);
    expect((await firstValueFrom(log.records$)).map((r) => r.id)).toEqual(['a', 'b']);
  });
});
