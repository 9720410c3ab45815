import { describe, expect, it } from 'vitest';
import { describeLogStorage } from './log-storage';

describe('describeLogStorage', () => {
  it('says what the view, the memory and the disk each hold, and where the file is', () => {
    const text = describeLogStorage({ linesInMemory: 5_000, file: '/data/logs/weather.jsonl', maxFileBytes: 5 * 1024 * 1024, maxFiles: 5 }, 100_000);
    expect(text).toEqual({
      view: 'This view: the lines since it opened, up to 100,000.',
      memory: 'In memory: the newest 5,000 lines of this server (Settings, "Log lines kept per server").',
      disk: 'On disk: every line, in /data/logs/weather.jsonl, with up to 4 older files beside it (a new one every 5.0 MB).',
    });
  });

  it('says so when nothing is written to disk', () => {
    expect(describeLogStorage({ linesInMemory: 100, file: null, maxFileBytes: 1024, maxFiles: 2 }, 10).disk).toBe('On disk: nothing; this log is kept in memory only.');
  });
});
