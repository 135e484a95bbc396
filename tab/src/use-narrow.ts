import { useSyncExternalStore } from "react";

/** Below this width (a phone, or a narrow Teams pane) lists show one card per item instead of a table. */
export const NARROW_QUERY = "(max-width: 639px)";

const subscribe = (onChange: () => void) => {
  const query = matchMedia(NARROW_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/** Whether the viewport is narrow now; follows rotation and resizing. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => matchMedia(NARROW_QUERY).matches);
}
