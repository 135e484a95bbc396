import { useCallback, useEffect, useState } from "react";

export type Loaded<T> =
  { status: "loading" } | { status: "ready"; data: T } | { status: "failed"; error: { status?: number | undefined; message: string } };

/**
 * Loads data for a page, with a reload for after changes and retries; ignores answers that arrive after unmount.
 * `load` loads again whenever it is a new function, so callers wrap it in `useCallback` (whose dependencies
 * the lint checks): an inline arrow would load on every render. `reloadWhen` is a parent's signal that the
 * data changed elsewhere: a new value loads again too.
 */
export function useLoad<T>(load: () => Promise<T>, reloadWhen?: unknown): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ status: "ready", data }),
      (error: { status?: number; message?: string }) =>
        current && setState({ status: "failed", error: { status: error.status, message: error.message ?? "" } }),
    );
    return () => {
      current = false;
    };
  }, [load, reloadWhen, generation]);
  return [state, useCallback(() => setGeneration((count) => count + 1), [])];
}
