import { useCallback, useEffect, useState } from "react";

/** What a failed load knew: the HTTP status and the server's code when the server answered. */
export interface LoadError {
  status?: number | undefined;
  code?: string | undefined;
  message: string;
}

export type Loaded<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "failed"; error: LoadError };

export interface LoadOptions {
  /**
   * A reload that fails after data was shown keeps that data on screen and reports the failure as
   * the third element instead: a background refresh must not swap a list for an error screen.
   */
  keepDataOnFailure?: boolean;
}

function loadErrorOf(error: { status?: number; code?: string; message?: string }): LoadError {
  return { status: error.status, code: error.code, message: error.message ?? "" };
}

/**
 * Loads data for a page, with a reload for after changes and retries; ignores answers that arrive after unmount.
 * `load` loads again whenever it is a new function, so callers wrap it in `useCallback` (whose dependencies
 * the lint checks): an inline arrow would load on every render. `reloadWhen` is a parent's signal that the
 * data changed elsewhere: a new value loads again too.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  reloadWhen?: unknown,
  options: LoadOptions = {},
): [Loaded<T>, () => void, LoadError | undefined] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [refreshError, setRefreshError] = useState<LoadError>();
  const [generation, setGeneration] = useState(0);
  const keep = options.keepDataOnFailure ?? false;
  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (!current) return;
        setState({ status: "ready", data });
        setRefreshError(undefined);
      },
      (error: { status?: number; code?: string; message?: string }) => {
        if (!current) return;
        // The same state object is kept, so pages appended to it (see usePagedList) stay too.
        setState((shown) => (keep && shown.status === "ready" ? shown : { status: "failed", error: loadErrorOf(error) }));
        setRefreshError(keep ? loadErrorOf(error) : undefined);
      },
    );
    return () => {
      current = false;
    };
  }, [load, reloadWhen, generation, keep]);
  return [state, useCallback(() => setGeneration((count) => count + 1), []), refreshError];
}
