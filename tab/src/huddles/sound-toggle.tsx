import { Switch } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useMessages } from "../i18n/use-messages.js";

const STORAGE_KEY = "peer-circles.huddle-sound";

/** A short, soft two-note chime. Made here, so no sound file has to load in the meeting. */
function chime(): void {
  const AudioContextType = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!AudioContextType) return;
  const context = new AudioContextType();
  [660, 880].forEach((frequency, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const start = context.currentTime + index * 0.18;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.08, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.32);
  });
  setTimeout(() => void context.close(), 1000);
}

/** Each person chooses whether time running out makes a sound; muted unless they turn it on. */
export function SoundToggle({ overtime, stepId }: { overtime: boolean; stepId: string }) {
  const { text } = useMessages();
  const [enabled, setEnabled] = useState(() => localStorage.getItem(STORAGE_KEY) === "on");
  const chimedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!overtime || !enabled || chimedFor.current === stepId) return;
    chimedFor.current = stepId;
    chime();
  }, [overtime, enabled, stepId]);
  return (
    <Switch
      label={text.huddleSound}
      checked={enabled}
      onChange={(_event, data) => {
        setEnabled(data.checked);
        localStorage.setItem(STORAGE_KEY, data.checked ? "on" : "off");
      }}
    />
  );
}
