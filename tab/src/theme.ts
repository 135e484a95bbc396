import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from "@fluentui/react-components";
import type { HostTheme } from "./teams/host-context.js";

/** Follows the Teams theme: default, dark and high contrast each get the matching Fluent theme. */
export function fluentThemeFor(theme: HostTheme): Theme {
  if (theme === "dark") return teamsDarkTheme;
  if (theme === "contrast") return teamsHighContrastTheme;
  return teamsLightTheme;
}
