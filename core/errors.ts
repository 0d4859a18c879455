// The one base class of every error the tool itself raises (bad config, unreadable page, a spec
// the generator cannot use, an unreachable upstream...). The CLI maps any Docs2tsError to exit 2,
// the code for "could not run"; anything else escaping is a bug and crashes loudly.

export class Docs2tsError extends Error {
  override name = "Docs2tsError";
}
