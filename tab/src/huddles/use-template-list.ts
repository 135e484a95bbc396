import { useCallback } from "react";
import { BUILT_IN_TEMPLATES } from "../../../shared/huddles/built-in-templates.js";
import type { HuddleTemplate } from "../../../shared/huddles/templates.js";
import type { Session } from "../session.js";
import { useLoad, type Loaded } from "../use-load.js";

/**
 * The templates a huddle can start from: the tenant's library from the server. While it loads, or
 * if it cannot be reached, the built-ins are offered so a meeting can still get going.
 */
export function useTemplateList(session: Session): { templates: readonly HuddleTemplate[]; state: Loaded<unknown>["status"] } {
  const [loaded] = useLoad(useCallback(() => session.api.huddleTemplates(), [session]));
  const templates = loaded.status === "ready" ? loaded.data.templates.map((listed) => listed.template) : BUILT_IN_TEMPLATES;
  return { templates, state: loaded.status };
}
