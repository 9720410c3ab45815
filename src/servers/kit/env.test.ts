import { describe, expect, it } from 'vitest';
import { readChoiceEnv, readFlagEnv, readListEnv, readNumberEnv, readStringEnv, readUrlEnv, readWholeNumberEnv } from './env';

describe('environment readers', () => {
  it('reads numbers within range and names the variable when one is wrong', () => {
    expect(readNumberEnv({}, 'WEATHER_RETRIES', 2, { min: 0, max: 10 })).toBe(2);
    expect(readNumberEnv({ WEATHER_RETRIES: '4' }, 'WEATHER_RETRIES', 2, { min: 0, max: 10 })).toBe(4);
    expect(() => readNumberEnv({ WEATHER_RETRIES: 'many' }, 'WEATHER_RETRIES', 2, { min: 0, max: 10 })).toThrow(
      /WEATHER_RETRIES must be a number from 0 to 10; it is "many"/,
    );
  });

  it('reads base URLs without a trailing slash and refuses other schemes', () => {
    expect(readUrlEnv({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }, 'GITHUB_API_URL', 'https://api.github.com').href).toBe(
      'https://ghe.example.com/api/v3',
    );
    expect(() => readUrlEnv({ GITHUB_API_URL: 'file:///etc/passwd' }, 'GITHUB_API_URL', 'https://x')).toThrow(/http\(s\)/);
    expect(() => readUrlEnv({ GITHUB_API_URL: 'not a url' }, 'GITHUB_API_URL', 'https://x')).toThrow(/absolute/);
  });

  it('reads flags', () => {
    expect(readFlagEnv({ GITHUB_READ_ONLY: '1' }, 'GITHUB_READ_ONLY')).toBe(true);
    expect(readFlagEnv({ GITHUB_READ_ONLY: 'true' }, 'GITHUB_READ_ONLY')).toBe(true);
    expect(readFlagEnv({}, 'GITHUB_READ_ONLY')).toBe(false);
    expect(readFlagEnv({ GITHUB_READ_ONLY: '0' }, 'GITHUB_READ_ONLY')).toBe(false);
  });

  it('reads whole numbers, text, lists and choices', () => {
    expect(readWholeNumberEnv({ WEATHER_RETRIES: '3' }, 'WEATHER_RETRIES', 2, { min: 0, max: 10 })).toBe(3);
    expect(() => readWholeNumberEnv({ WEATHER_RETRIES: '1.5' }, 'WEATHER_RETRIES', 2, { min: 0, max: 10 })).toThrow(/whole number/);
    expect(readStringEnv({ REDIS_URL: '  redis://r:6379 ' }, 'REDIS_URL')).toBe('redis://r:6379');
    expect(readStringEnv({ REDIS_URL: '   ' }, 'REDIS_URL')).toBeUndefined();
    expect(readListEnv({ MCP_AUTH_SCOPES: 'a, b  c,' }, 'MCP_AUTH_SCOPES')).toEqual(['a', 'b', 'c']);
    expect(readListEnv({ MCP_AUTH_SCOPES: ' , ' }, 'MCP_AUTH_SCOPES')).toBeUndefined();
    const modes = { open: 'let calls through', closed: 'refuse them' };
    expect(readChoiceEnv({}, 'MODE', modes, 'open')).toBe('open');
    expect(readChoiceEnv({ MODE: ' Closed ' }, 'MODE', modes, 'open')).toBe('closed');
    expect(() => readChoiceEnv({ MODE: 'shut' }, 'MODE', modes, 'open')).toThrow('MODE must be "open" (let calls through) or "closed" (refuse them); it is "shut".');
    expect(() => readChoiceEnv({ MODE: 'x' }, 'MODE', { none: 'no auth' }, undefined)).toThrow('MODE must be "none" (no auth), or unset; it is "x".');
  });
});
