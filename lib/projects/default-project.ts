/**
 * The project everything from before projects lives in (made by the projects migration): Open,
 * so nothing changed for anyone. New articles imported without a project land here too.
 */
export const DEFAULT_PROJECT_ID = "glossa";
