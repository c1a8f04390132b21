import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * For a field that keeps what is typed as a draft until blur or Enter (DraftField, DateField): runs
 * `commit` when the field goes away (unmounted: a page left by a shortcut, an item removed
 * elsewhere) and when the window closes (pagehide). No blur comes in either case, and the draft
 * would be lost. `commit` is the latest render's; it must clear the draft it takes, as both may come
 * (the window hidden, then the field unmounted).
 */
export function useCommitOnLeave(commit: () => void): void {
  const latest = useRef(commit);
  useLayoutEffect(() => {
    latest.current = commit;
  });
  useEffect(() => {
    const run = () => latest.current();
    window.addEventListener('pagehide', run);
    return () => {
      window.removeEventListener('pagehide', run);
      run();
    };
  }, []);
}
