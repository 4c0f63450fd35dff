import { preferJitlessZod } from "@/lib/client/zod-config";

// Runs in the browser before the app's own code. Zod compiles object parsers with `new Function`
// when a page allows it, probing for that as it builds the first object schema; under Glossa's
// Content-Security-Policy (no 'unsafe-eval', see proxy.ts) the probe is refused and reported as a
// violation. So the browser uses zod's interpreted parsers from the start (set on zod's global
// settings, without loading zod here: only the pages that validate load it); the server keeps the
// compiled ones.
preferJitlessZod();
