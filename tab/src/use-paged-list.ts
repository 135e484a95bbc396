import { useCallback, useEffect, useState } from "react";
import { useLoad, type Loaded } from "./use-load.js";

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
 * The first page loads like any page (`useLoad`); later pages are appended on request. A reload
 * starts again from the first page, so a list never mixes pages from before and after a change.
 */
export function usePagedList<T, P extends Paged<T>>(
  loadPage: (continuation?: string) => Promise<P>,
  dependencies: unknown[],
): [Loaded<P>, () => void, MorePages] {
  const [first, reloadFirst] = useLoad(() => loadPage(), dependencies);
  const [later, setLater] = useState<{ requests: T[]; continuation?: string | undefined }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  useEffect(() => {
    setLater(undefined);
    setMoreFailed(false);
  }, [first]);
  const reload = useCallback(() => reloadFirst(), [reloadFirst]);
  if (first.status !== "ready") return [first, reload, { loadingMore: false, moreFailed: false }];
  const continuation = later ? later.continuation : first.data.continuation;
  const merged: P = { ...first.data, requests: [...first.data.requests, ...(later?.requests ?? [])], continuation };
  const showMore = async () => {
    if (!continuation) return;
    setLoadingMore(true);
    try {
      const next = await loadPage(continuation);
      setLater((current) => ({ requests: [...(current?.requests ?? []), ...next.requests], continuation: next.continuation }));
      setMoreFailed(false);
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  };
  return [
    { status: "ready", data: merged },
    reload,
    { ...(continuation ? { showMore: () => void showMore() } : {}), loadingMore, moreFailed },
  ];
}
