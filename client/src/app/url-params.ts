import { useSearchParams } from 'react-router';

/**
 * The page's choices in its URL (?planId=…&period=…), so that a link or a reload opens the same
 * view. `update` sets and removes several at once, from the URL as it is now, not as the render
 * that made the handler saw it (a table may call a row handler of an earlier render); `push`
 * adds a history entry (a drill-down Back returns from), otherwise the entry is replaced.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const update = (next: Record<string, string | null>, push = false) =>
    setParams(
      (current) => {
        const p = new URLSearchParams(current);
        for (const [k, v] of Object.entries(next)) {
          if (v === null) p.delete(k);
          else p.set(k, v);
        }
        return p;
      },
      { replace: !push },
    );
  return { params, update };
}
