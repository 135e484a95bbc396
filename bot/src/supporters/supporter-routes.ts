import { z } from "zod";
import { supporterProfileSchema, supporterSettingsSchema, type MyCaseload } from "../../../shared/supporters/supporter-profile.js";
import { parseInput, type ApiRoute } from "../api/api-routes.js";
import type {
  CaseloadCapResponse,
  SavedSupporterResponse,
  SupporterDirectoryResponse,
  SupporterRosterResponse,
} from "../../../shared/api/index.js";

const objectId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be an Entra object id");
const dutyBody = z.object({ onDuty: z.boolean() }).strict();
/** Training dates are calendar days; the server judges "due" by the UTC date. */
const today = () => new Date().toISOString().slice(0, 10);

/** The directory for members, a supporter's own caseload, and the admins' roster and caseload cap. */
export const SUPPORTER_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/api/supporters",
    role: "member",
    acceptsBody: false,
    handle: async ({ caller }, { roster }) => ({
      body: { supporters: await roster.directory(caller.tenantId) } satisfies SupporterDirectoryResponse,
    }),
  },
  {
    method: "get",
    path: "/api/supporters/me",
    role: "supporter",
    acceptsBody: false,
    handle: async ({ caller }, { roster }) => ({ body: (await roster.mine(caller.tenantId, caller.userId, today())) satisfies MyCaseload }),
  },
  {
    // On or off duty from the tab, as with the bot's "on duty" and "off duty"; the bot's address is kept.
    method: "put",
    path: "/api/supporters/me/duty",
    role: "supporter",
    acceptsBody: true,
    handle: async ({ caller, body }, { supporters, roster }) => {
      const { onDuty } = parseInput(dutyBody, body);
      await supporters.setOnDuty(caller.tenantId, caller.userId, onDuty);
      return { body: (await roster.mine(caller.tenantId, caller.userId, today())) satisfies MyCaseload };
    },
  },
  {
    method: "get",
    path: "/api/admin/supporters",
    role: "admin",
    acceptsBody: false,
    handle: async ({ caller }, { roster }) => ({
      body: {
        supporters: await roster.roster(caller.tenantId, today()),
        caseloadCap: await roster.caseloadCap(caller.tenantId),
      } satisfies SupporterRosterResponse,
    }),
  },
  {
    method: "put",
    path: "/api/admin/supporters/:userId",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, params, body }, { roster }) => {
      const userId = parseInput(objectId, params.userId);
      await roster.saveProfile(caller.tenantId, userId, parseInput(supporterProfileSchema, body), caller.userId);
      const saved = (await roster.roster(caller.tenantId, today())).find((entry) => entry.userId === userId) ?? null;
      return { body: saved satisfies SavedSupporterResponse };
    },
  },
  {
    method: "put",
    path: "/api/admin/supporter-settings",
    role: "admin",
    acceptsBody: true,
    handle: async ({ caller, body }, { roster }) => ({
      body: {
        caseloadCap: await roster.setCaseloadCap(caller.tenantId, parseInput(supporterSettingsSchema, body).caseloadCap),
      } satisfies CaseloadCapResponse,
    }),
  },
];
