// Git upstreams, read with the real git executable. A bare repository per upstream URL lives in
// the cache (`<cacheDir>/git/<sha256(url)[0..16]>`) and is reused across runs; each sync does a
// shallow fetch of the one ref (`git fetch --depth 1 <url> <ref>`), resolves FETCH_HEAD to a
// commit and reads blobs with `git cat-file --batch`, so bytes are exactly what was committed (no
// checkout, hence no eol or smudge filters). A ref is a branch, tag or full 40-hex commit sha;
// fetching a sha needs a server that allows it (protocol v2 servers, including local paths and
// the big hosts, allow any reachable commit; older ones need uploadpack.allowReachableSHA1InWant).
// Every call is execFile/spawn with an argument array (never a shell), GIT_TERMINAL_PROMPT=0 so a
// private repository fails instead of waiting for a password.

import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { access, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import picomatch from "picomatch";
import { declaredCharset, textProblem } from "./charset.ts";
import { SyncError } from "./errors.ts";
import { sha256 } from "./lock.ts";
import { unsafePageName } from "./paths.ts";
import type { FetchedPage, SyncContext } from "./types.ts";
import type { GitUpstream } from "./upstream.ts";


/** `$DOCS2TS_CACHE_DIR`, else `$XDG_CACHE_HOME/docs2ts`, else `~/.cache/docs2ts`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home = os.homedir()): string {
  if (env.DOCS2TS_CACHE_DIR) return path.resolve(env.DOCS2TS_CACHE_DIR);
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, "docs2ts");
  return path.join(home, ".cache", "docs2ts");
}

/** What git is given: URLs and scp-style `host:path` as written, local paths made absolute. */
export function gitRemote(git: string, rootDir: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(git)) return git;
  if (/^[^/\\]{2,}:/.test(git)) return git;
  return path.resolve(rootDir, git);
}

export function gitCacheFolder(cacheDir: string, remote: string): string {
  return path.join(cacheDir, "git", createHash("sha256").update(remote).digest("hex").slice(0, 16));
}

export interface GitFetchResult {
  commit: string;
  pages: FetchedPage[];
}

export async function fetchGitPages(upstream: GitUpstream, ctx: SyncContext): Promise<GitFetchResult> {
  const remote = gitRemote(upstream.git, ctx.rootDir);
  const repo = gitCacheFolder(ctx.cacheDir, remote);
  const fail = (message: string) => new SyncError(ctx.service, message);
  const git = (args: string[]) => runGit(args, repo, gitEnv(ctx.env), upstream.timeoutMs);

  try {
    await mkdir(repo, { recursive: true });
    if (!(await exists(path.join(repo, "HEAD")))) await git(["init", "--bare", "--quiet"]);
  } catch (error) {
    throw fail(`cannot prepare the git cache ${repo}: ${messageOf(error)}`);
  }

  try {
    await git(["fetch", "--depth=1", "--no-tags", "--quiet", "--end-of-options", remote, upstream.ref]);
  } catch (error) {
    throw fail(fetchFailure(error, upstream, repo));
  }
  let commit: string;
  try {
    commit = (await git(["rev-parse", "--verify", "--end-of-options", "FETCH_HEAD^{commit}"])).toString("utf8").trim();
  } catch (error) {
    throw fail(`ref "${upstream.ref}" of ${upstream.git} is not a commit: ${messageOf(error)}`);
  }

  const tree = upstream.path === "" ? commit : `${commit}:${upstream.path}`;
  let listing: Buffer;
  try {
    listing = await git(["ls-tree", "-r", "-z", "--end-of-options", tree]);
  } catch (error) {
    throw fail(
      `folder "${upstream.path}" does not exist in ${upstream.git} at ${upstream.ref} (${commit}): ${messageOf(error)}`,
    );
  }

  const matches = picomatch(upstream.include);
  const selected: { name: string; blob: string }[] = [];
  for (const entry of parseTree(listing)) {
    const origin = originOf(upstream, entry.name);
    // Globs never match `..` segments, so a hostile tree would pass silently; refuse it instead.
    if (!matches(entry.name) && !entry.name.split("/").some((s) => s === ".." || s === "." || s === "")) continue;
    if (entry.type !== "blob" || (entry.mode !== "100644" && entry.mode !== "100755")) {
      ctx.note(
        `${ctx.service}: skipped ${origin} (${entry.mode === "120000" ? "symlink" : entry.type === "commit" ? "submodule" : `mode ${entry.mode}`})`,
      );
      continue;
    }
    const problem = unsafePageName(entry.name);
    if (problem) throw fail(`refusing page ${JSON.stringify(entry.name)} from ${origin}: the name ${problem}`);
    selected.push({ name: entry.name, blob: entry.object });
  }
  if (selected.length === 0) {
    throw fail(
      `no files in ${upstream.git} at ${upstream.ref} (${commit}) under "${upstream.path || "/"}" match ${JSON.stringify(upstream.include)}`,
    );
  }

  let blobs: Buffer[];
  try {
    blobs = await readBlobs(
      repo,
      selected.map((s) => s.blob),
      gitEnv(ctx.env),
      upstream.timeoutMs,
    );
  } catch (error) {
    throw fail(`cannot read files of ${upstream.git} at ${commit}: ${messageOf(error)}`);
  }

  const pages = selected.map(({ name }, i): FetchedPage => {
    const bytes = blobs[i]!;
    const origin = originOf(upstream, name);
    const charset = declaredCharset(bytes, { name });
    const problem = textProblem(bytes, charset);
    if (problem) throw fail(`page ${origin} ${problem}`);
    return { path: name, bytes, lock: { path: name, origin, commit, charset, sha256: sha256(bytes) } };
  });
  return { commit, pages };
}

function originOf(upstream: GitUpstream, name: string): string {
  return `${upstream.git}#${upstream.path === "" ? name : `${upstream.path}/${name}`}`;
}

function fetchFailure(error: unknown, upstream: GitUpstream, repo: string): string {
  const { git, ref } = upstream;
  const said = (error as GitFailure).said ?? messageOf(error);
  if ((error as GitFailure).killed)
    return `git fetch of ref "${ref}" from ${git} timed out after ${upstream.timeoutMs} ms`;
  if (/couldn't find remote ref|not our ref|unadvertised object/i.test(said)) {
    const hint = /^[0-9a-f]{4,39}$/i.test(ref) ? " (a commit must be given as its full 40-character sha)" : "";
    return `ref "${ref}" not found in ${git}${hint}: git said: ${said}`;
  }
  if (
    /does not appear to be a git repository|Could not read from remote|unable to access|Repository not found|not found/i.test(
      said,
    )
  ) {
    return `cannot reach git repository ${git} (fetching ref "${ref}"): git said: ${said}`;
  }
  return `git fetch of ref "${ref}" from ${git} failed (cache ${repo}): git said: ${said}`;
}

/** A failed git command: `said` is git's stderr on one line, `killed` when the timeout hit. */
interface GitFailure extends Error {
  said?: string;
  killed?: boolean;
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  name: string;
}

/** `git ls-tree -z` output: `<mode> SP <type> SP <object> TAB <path> NUL`. */
export function parseTree(listing: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of listing.toString("utf8").split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("\t");
    const [mode = "", type = "", object = ""] = record.slice(0, tab).split(" ");
    entries.push({ mode, type, object, name: record.slice(tab + 1) });
  }
  return entries;
}

const inheritedGitVariables = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_COMMON_DIR",
  "GIT_NAMESPACE",
];

/** The caller's environment without variables that would point git at another repository. */
function gitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...env, GIT_TERMINAL_PROMPT: "0" };
  for (const name of inheritedGitVariables) delete clean[name];
  return clean;
}

function runGit(args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      { cwd, env, timeout, maxBuffer: 256 * 1024 * 1024, encoding: "buffer" },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const said = oneLine(stderr.toString("utf8")) || error.message;
        const failure: GitFailure = Object.assign(new Error(`git ${args.join(" ")}: ${said}`), {
          said,
          killed: error.killed === true,
        });
        reject(failure);
      },
    );
  });
}

/** Blob contents in the order of `ids`, through one `git cat-file --batch`. */
function readBlobs(cwd: string, ids: string[], env: NodeJS.ProcessEnv, timeout: number): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, env, stdio: ["pipe", "pipe", "pipe"], timeout });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0) {
        const reason = Buffer.concat(err).toString("utf8").trim() || (signal ? `killed by ${signal}` : `exit ${code}`);
        return reject(new Error(`git cat-file --batch: ${reason}`));
      }
      try {
        resolve(parseBatch(Buffer.concat(out), ids));
      } catch (error) {
        reject(error as Error);
      }
    });
    child.stdin.on("error", () => undefined); // reported through "close"
    child.stdin.end(`${ids.join("\n")}\n`);
  });
}

/** `git cat-file --batch` output: `<oid> <type> <size> LF <bytes> LF` per request. */
function parseBatch(output: Buffer, ids: string[]): Buffer[] {
  const blobs: Buffer[] = [];
  let at = 0;
  for (const id of ids) {
    const eol = output.indexOf(0x0a, at);
    if (eol < 0) throw new Error(`git cat-file --batch: output ended before ${id}`);
    const header = output.subarray(at, eol).toString("utf8");
    const [oid, type, size] = header.split(" ");
    if (oid !== id || type !== "blob" || size === undefined)
      throw new Error(`git cat-file --batch: unexpected "${header}" for ${id}`);
    const start = eol + 1;
    const end = start + Number(size);
    blobs.push(Buffer.from(output.subarray(start, end)));
    at = end + 1;
  }
  return blobs;
}

function oneLine(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
