import { adminRoute, jsonBody, readerRoute } from "@/lib/server/route";
import { createProject } from "@/lib/server/projects/create-project";
import { listProjects } from "@/lib/server/projects/list-projects";
import { createProjectSchema } from "@/lib/validations/project";

export const dynamic = "force-dynamic";

/** The projects the caller may read. */
export const GET = readerRoute({ action: "see projects" }, async ({ actor }) => listProjects({ actor }));

/** An admin creates a project: `{ name, description?, access? }`; they become its Manager. */
export const POST = adminRoute({ action: "create projects", body: jsonBody(createProjectSchema), status: 201 }, async ({ actor, body }) => createProject({ actor, input: body }));
