/**
 * A CommonJS `require` that bundlers cannot see, so az and wink load from
 * node_modules at run time, as in Node. Next's bundler otherwise rewrites
 * `require.resolve("az/package.json")` to a module number and az's
 * dictionary files, which it reads by path, cannot be found.
 */
export const runtimeRequire = process.getBuiltinModule("node:module").createRequire(import.meta.url);
