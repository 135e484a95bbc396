import { z } from "zod";
import { hasRole, huddleTemplateInputSchema, type CallerIdentity, type HuddleTemplate } from "../../../shared/index.js";
import { parseInput, type ApiRoute } from "../api/api-routes.js";
import type { ListedTemplate, TemplateListResponse } from "../../../shared/api/index.js";
import { refusalError } from "../http/refusal-mapper.js";
import type { TemplateOutcome, TemplateRefusal } from "./template-library.js";

const TEMPLATE_EDITORS = ["facilitator", "admin"] as const;
const templateId = z.string().min(1).max(64);
const version = z.string().min(1).max(128);
const updateBody = z.strictObject({ template: z.unknown(), version });
const deleteBody = z.strictObject({ version });

function refused(refusal: TemplateRefusal): never {
  throw refusalError("templates", refusal);
}

function unwrap(outcome: TemplateOutcome): ListedTemplate {
  return outcome.ok ? outcome.value : refused(outcome.refusal);
}

/** Facilitator notes are for whoever runs the huddle; everyone else gets the template without them. */
function visibleTo(caller: CallerIdentity, template: HuddleTemplate): HuddleTemplate {
  if (TEMPLATE_EDITORS.some((role) => hasRole(caller.roles, role))) return template;
  return { ...template, steps: template.steps.map(({ facilitatorNotes: _notes, ...step }) => step) };
}

export const TEMPLATE_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/huddle-templates",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { templates }) => ({
      body: {
        templates: (await templates.list(caller.tenantId)).map((listed) => ({ ...listed, template: visibleTo(caller, listed.template) })),
      } satisfies TemplateListResponse,
    }),
  },
  {
    method: "post",
    path: "/api/huddle-templates",
    role: TEMPLATE_EDITORS,
    acceptsBody: true,
    handle: async ({ caller, body }, { templates }) => ({
      status: 201,
      body: unwrap(
        await templates.create(caller.tenantId, parseInput(huddleTemplateInputSchema, body), caller.userId),
      ) satisfies ListedTemplate,
    }),
  },
  {
    method: "put",
    path: "/api/huddle-templates/:templateId",
    role: TEMPLATE_EDITORS,
    acceptsBody: true,
    handle: async ({ caller, params, body }, { templates }) => {
      const id = parseInput(templateId, params.templateId);
      const input = parseInput(updateBody, body);
      const template = parseInput(huddleTemplateInputSchema, input.template);
      return { body: unwrap(await templates.update(caller.tenantId, id, template, input.version, caller.userId)) satisfies ListedTemplate };
    },
  },
  {
    method: "delete",
    path: "/api/huddle-templates/:templateId",
    role: TEMPLATE_EDITORS,
    acceptsBody: true,
    handle: async ({ caller, params, body }, { templates }) => {
      const outcome = await templates.remove(
        caller.tenantId,
        parseInput(templateId, params.templateId),
        parseInput(deleteBody, body).version,
      );
      if (!outcome.ok) refused(outcome.refusal);
      return { status: 204, body: null };
    },
  },
];
