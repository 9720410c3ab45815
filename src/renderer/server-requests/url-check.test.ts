import { describe, expect, it } from 'vitest';
import { reviewUrl } from './url-check';

describe('reviewUrl', () => {
  it('shows the host of an https page with nothing to warn of', () => {
    expect(reviewUrl('https://login.example.com/connect?x=1')).toEqual({ host: 'login.example.com', warnings: [], openable: true });
  });

  it('warns of Punycode, credentials and plain http, and refuses other schemes', () => {
    expect(reviewUrl('http://user@xn--exmple-cua.com/').warnings).toEqual([
      'It is not encrypted (http, not https).',
      "Its host is written in Punycode: it may imitate another site's name.",
      'It carries a user name or password before the host, which can hide the real site.',
    ]);
    expect(reviewUrl('file:///etc/passwd')).toMatchObject({ openable: false });
    expect(reviewUrl('not a url')).toMatchObject({ openable: false, warnings: ['This is not a valid URL.'] });
  });
});
