/** Media queries as state: the narrow layout of the article view follows the same query as the CSS. */
import { useEffect, useState } from 'preact/hooks';

/** Below this width the article view shows one section at a time (kept equal to the breakpoint in styles.css). */
export const NARROW_QUERY = '(max-width: 960px)';

/** Whether a media query matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}
