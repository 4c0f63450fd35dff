/**
 * Test support (not a test): what "server-only" resolves to under Vitest (see vitest.config.ts).
 * The real package throws when imported outside a React Server Components build, which a Node
 * test process never is; tests exercise the server modules directly, so the guard is empty here.
 */
export {};
