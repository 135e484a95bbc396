import { useCallback, useState } from "react";
import { useLoad, type Loaded, type LoadError, type LoadOptions } from "./use-load.js";

/** A list the server hands out a page at a time: `continuation` is present while there is more. */
export interface Paged<T> {
  requests: T[];
  continuation?: string;
}

export interface MorePages {
  /** Fetches the next page and appends it; absent when the list is complete. */
  showMore?: () => void;
  loadingMore: boolean;
  /** The last "show more" failed; the pages already shown stay. */
  moreFailed: boolean;
}

/**
 * The first page loads like any page (`useLoad`: `loadPage` is wrapped in `useCallback`); later pages are
 * appended on request. Later pages and a failed "show more" belong to the first page they followed, so a
 * reload starts again from the first page and a list never mixes pages from before and after a change.
 */
export function usePagedList<T, P extends Paged<T>>(
  loadPage: (continuation?: string) => Promise<P>,
  options: LoadOptions = {},
): [Loaded<P>, () => void, MorePages, LoadError | undefined] {
  const [first, reload, refreshError] = useLoad(
    useCallback(() => loadPage(), [loadPage]),
    undefined,
    options,
  );
  const [later, setLater] = useState<{ after: Loaded<P>; requests: T[]; continuation?: string | undefined }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailedAfter, setMoreFailedAfter] = useState<Loaded<P>>();
  if (first.status !== "ready") return [first, reload, { loadingMore: false, moreFailed: false }, refreshError];
  const laterPages = later?.after === first ? later : undefined;
  const continuation = laterPages ? laterPages.continuation : first.data.continuation;
  const merged: P = { ...first.data, requests: [...first.data.requests, ...(laterPages?.requests ?? [])], continuation };
  const showMore = async () => {
    if (!continuation) return;
    setLoadingMore(true);
    try {
      const next = await loadPage(continuation);
      setLater((current) => ({
        after: first,
        requests: [...(current?.after === first ? current.requests : []), ...next.requests],
        continuation: next.continuation,
      }));
      setMoreFailedAfter(undefined);
    } catch {
      setMoreFailedAfter(first);
    } finally {
      setLoadingMore(false);
    }
  };
  return [
    { status: "ready", data: merged },
    reload,
    { ...(continuation ? { showMore: () => void showMore() } : {}), loadingMore, moreFailed: moreFailedAfter === first },
    refreshError,
  ];
}
