import { useEffect, useState } from "react";

/**
 * The current time, as of the last tick: a component that shows times counting up or down reads
 * this (rendering stays pure) and re-renders every `intervalMs`.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
