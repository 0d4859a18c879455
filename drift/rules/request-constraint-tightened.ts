// request-constraint-tightened (breaking): A request field's validation got stricter: maxLength/maximum/maxItems down or imposed, minLength/minimum/minItems up or imposed, pattern imposed or changed.

import { constraintFindings } from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "request-constraint-tightened",
  level: "breaking",
  description:
    "A request field's validation got stricter: maxLength/maximum/maxItems down or imposed, minLength/minimum/minItems up or imposed, pattern imposed or changed.",
  detect: (ctx) => constraintFindings(ctx, "request", "tightened"),
});
