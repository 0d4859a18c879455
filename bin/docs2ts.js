#!/usr/bin/env node
// The CLI is TypeScript run in place (no build step): tsx compiles it on import.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
