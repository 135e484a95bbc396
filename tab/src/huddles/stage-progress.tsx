import { tokens } from "@fluentui/react-components";

/**
 * How far through the huddle the room is, for the stage. A plain ARIA progress bar: Fluent's
 * ProgressBar brought its motion code into the panel's first download for one static bar.
 */
export function StageProgress({ current, total, label }: { current: number; total: number; label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={current}
      data-testid="stage-progress"
      style={{
        width: "min(640px, 100%)",
        height: 8,
        borderRadius: tokens.borderRadiusMedium,
        backgroundColor: tokens.colorNeutralBackground5,
        border: `1px solid ${tokens.colorNeutralStroke1}`,
        overflow: "hidden",
      }}
    >
      <div style={{ width: `${(100 * current) / Math.max(1, total)}%`, height: "100%", backgroundColor: tokens.colorBrandBackground }} />
    </div>
  );
}
