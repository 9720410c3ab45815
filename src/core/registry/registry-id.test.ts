import { describe, expect, it } from 'vitest';
import { SERVER_ID_PATTERN } from '../../shared/vocabulary';
import { serverIdFor } from './registry-id';

describe('serverIdFor', () => {
  it('takes the name after the namespace, made a valid id', () => {
    expect(serverIdFor('io.github.user/Weather_Server.v2', new Set())).toBe('weather-server-v2');
    expect(serverIdFor('com.example/---', new Set())).toBe('server');
  });

  it('adds a suffix when the id is taken, staying within the id rule', () => {
    expect(serverIdFor('io.github.user/weather', new Set(['weather', 'weather-2']))).toBe('weather-3');
    const long = `io.github.user/${'a'.repeat(100)}`;
    const id = serverIdFor(long, new Set(['a'.repeat(63)]));
    expect(id).toMatch(SERVER_ID_PATTERN);
    expect(id.endsWith('-2')).toBe(true);
  });
});
