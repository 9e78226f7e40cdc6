import { describe, expect, it } from 'vitest';
import { workerScope } from '../../../src/worker/workerScope';

// A worker checks the scope the page sends: it cannot be told to treat another origin as its own site.
describe('a worker takes the request scope only for its own origin', () => {
  it('refuses a site on another origin, and drops consent that is not https', () => {
    expect(() => workerScope({ site: 'https://evil.example/', consented: [] }, 'https://atlas.example')).toThrow("is not this worker's origin");
    expect(workerScope({ site: 'https://atlas.example/app/', consented: ['https://data.example', 'http://plain.example'] }, 'https://atlas.example')).toEqual({
      site: 'https://atlas.example/app/',
      consented: ['https://data.example'],
    });
  });
});
