// The code of a print or audience window's page is asked for at start (renderer/src/app/pages.tsx).
import { describe, expect, it } from 'vitest';
import { preloadWindowPage } from '../../renderer/src/app/pages';

describe('preloadWindowPage', () => {
  it('loads nothing, and never throws, for a path that is no window page', () => {
    for (const path of ['/', '/w/abc/sla', '/print/', '/print/toString/w/b', '/print/constructor/w/b', '/print/nothing/w/b']) {
      expect(() => preloadWindowPage(path)).not.toThrow();
    }
  });
});
