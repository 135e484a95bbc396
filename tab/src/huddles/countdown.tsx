import { Text } from "@fluentui/react-components";
import { useMessages } from "../i18n/use-messages.js";

function clockText(milliseconds: number): string {
  const seconds = Math.ceil(milliseconds / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Time left, or overtime counting up in a different colour: never hidden. */
export function Countdown({ remainingMs, overtimeMs, size }: { remainingMs: number; overtimeMs: number; size: "panel" | "stage" }) {
  const { text } = useMessages();
  const over = overtimeMs > 0;
  return (
    <div data-testid="countdown" data-overtime={over} aria-label={over ? text.huddleOvertime : text.huddleTimeLeft}>
      <Text
        weight="bold"
        style={{
          fontSize: size === "stage" ? 120 : 48,
          lineHeight: 1.1,
          fontVariantNumeric: "tabular-nums",
          color: over ? "var(--colorPaletteRedForeground1)" : undefined,
        }}
      >
        {over ? `+${clockText(overtimeMs)}` : clockText(remainingMs)}
      </Text>
    </div>
  );
}
