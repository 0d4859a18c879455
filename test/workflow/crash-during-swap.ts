// Child process for the crash test: regenerate, and die by SIGKILL right after the first file
// of the swap is in place (as a killed CI job or a power cut would).
import { regenerate } from "../../cli/regenerate.ts";

const [root, cacheDir] = process.argv.slice(2);
await regenerate({
  rootDir: root!,
  cacheDir: cacheDir!,
  hooks: {
    afterApply: () => {
      process.kill(process.pid, "SIGKILL");
    },
  },
});
