// The one error `docs2ts sync` throws when it could not run (the CLI maps it to exit 2). It names
// the service and says exactly what failed; sources/ is left as it was whenever it is thrown.
import { Docs2tsError } from "../core/errors.ts";

export class SyncError extends Docs2tsError {
  override name = "SyncError";
  constructor(
    /** The service being synced, or undefined for a failure before any service (e.g. bad arguments). */
    readonly service: string | undefined,
    message: string,
  ) {
    super(service === undefined ? message : `${service}: ${message}`);
  }
}
