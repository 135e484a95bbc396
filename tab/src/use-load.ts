import { useCallback, useEffect, useState } from "react";

export type Loaded<T> =
  { status: "loading" } | { status: "ready"; data: T } | { status: "failed"; error: { status?: number | undefined; message: string } };

/** Loads data for a page, with a reload for after changes and retries; ignores answers that arrive after unmount. */
export function useLoad<T>(load: () => Promise<T>, dependencies: unknown[]): [Loaded<T>, () => void] {
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
    // The caller lists what the load depends on, as with useEffect itself.
  }, [...dependencies, generation]);
  return [state, useCallback(() => setGeneration((count) => count + 1), [])];
}
