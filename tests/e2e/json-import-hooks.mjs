// Node module hooks for the e2e workers. Vite, Vitest and tsx import `.json` files without an
// import attribute; Node's own ESM loader (which Playwright's workers use) demands
// `with { type: 'json' }`. Supplying the attribute here lets the e2e tests load the same
// shared/ and electron/ modules the other tools load.
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (result.url.endsWith('.json') && !context.importAttributes?.type) {
    return { ...result, importAttributes: { ...context.importAttributes, type: 'json' } };
  }
  return result;
}
