// Vocabulary: a page title turned into an OpenAPI `operationId` (OpenAPI 3.1 §4.8.10 Operation
// Object: "unique string used to identify the operation … follow common programming naming
// conventions"). Pure: title in, camelCase English out, or undefined.
//
// English titles are gerund phrases ("Creating a Manual Backup" -> createManualBackup). Querying
// becomes list for plural objects and show for singular ones; "Details of" and articles are
// dropped; "X of Y" becomes "Y X" (Tags of a Listener -> listenerTags).
//
// Chinese titles are segmented greedily (longest match first) over a glossary of English words;
// a character run outside the glossary gives undefined, so the caller can report it and fall back.
// Never pinyin, never a topic id.

// ---------------------------------------------------------------------------------------------
// camelCase

/** Joins words as camelCase: ["create", "Manual", "backup"] -> "createManualBackup". */
export function camelCase(words: readonly string[]): string {
  const parts = words
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .flatMap((w) => w.split(/(?<=[a-z0-9])(?=[A-Z])/))
    .filter((w) => w.length > 0);
  return parts
    .map((w, i) => {
      const lower = w.toLowerCase();
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join("");
}

export function operationIdFromTitle(title: string): string | undefined {
  const t = title
    .replace(/[\u00a0\u3000\s]+/g, " ")
    .replace(/<[^<>]{0,200}>/g, "")
    .trim();
  if (t.length === 0 || t.length > 200) return undefined;
  if (/[\u3400-\u9fff]/.test(t)) return chinese(t);
  if (/^[\x20-\x7e]+$/.test(t)) return english(t);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// English

type Verb = string;

// Gerunds (the usual title form) and a few imperatives.
const VERBS: ReadonlyMap<string, Verb> = new Map<string, Verb>([
  ["creating", "create"],
  ["deleting", "delete"],
  ["querying", "query"],
  ["listing", "list"],
  ["updating", "update"],
  ["modifying", "modify"],
  ["changing", "change"],
  ["adding", "add"],
  ["removing", "remove"],
  ["restarting", "restart"],
  ["rebooting", "reboot"],
  ["resizing", "resize"],
  ["obtaining", "get"],
  ["getting", "get"],
  ["setting", "set"],
  ["resetting", "reset"],
  ["binding", "bind"],
  ["unbinding", "unbind"],
  ["enabling", "enable"],
  ["disabling", "disable"],
  ["expanding", "expand"],
  ["scaling", "scale"],
  ["configuring", "configure"],
  ["viewing", "view"],
  ["checking", "check"],
  ["restoring", "restore"],
  ["starting", "start"],
  ["stopping", "stop"],
  ["upgrading", "upgrade"],
  ["associating", "associate"],
  ["disassociating", "disassociate"],
  ["attaching", "attach"],
  ["detaching", "detach"],
  ["importing", "import"],
  ["exporting", "export"],
  ["uploading", "upload"],
  ["downloading", "download"],
  ["applying", "apply"],
  ["canceling", "cancel"],
  ["cancelling", "cancel"],
  ["migrating", "migrate"],
  ["switching", "switch"],
  ["renaming", "rename"],
  ["copying", "copy"],
  ["replicating", "replicate"],
  ["synchronizing", "synchronize"],
  ["assigning", "assign"],
  ["unassigning", "unassign"],
  ["registering", "register"],
  ["unregistering", "unregister"],
  ["authorizing", "authorize"],
  ["verifying", "verify"],
  ["validating", "validate"],
  ["retrying", "retry"],
  ["freezing", "freeze"],
  ["unfreezing", "unfreeze"],
  ["shrinking", "shrink"],
  ["rolling", "roll"],
  ["creating/updating", "upsert"],
  ["create", "create"],
  ["delete", "delete"],
  ["query", "query"],
  ["list", "list"],
  ["show", "show"],
  ["update", "update"],
  ["modify", "modify"],
  ["add", "add"],
  ["remove", "remove"],
  ["get", "get"],
  ["set", "set"],
]);

const ARTICLES = new Set(["a", "an", "the", "specific", "specified", "existing"]);
const PREPOSITIONS = new Set(["to", "from", "by", "in", "with", "on", "for", "into", "under", "per", "at", "via"]);
const PRONOUNS = new Set(["it", "them", "its", "their"]);
const CONJUNCTIONS = new Set(["and", "or"]);

type Clause = { verb: Verb; words: string[]; plural: boolean; details: boolean; all: boolean };

function english(t: string): string | undefined {
  const words = t
    .replace(/[()[\]]/g, " ")
    .replace(/'s\b/g, "")
    .split(/[\s,;:!?.]+|(?<=[A-Za-z])-(?=[A-Za-z])/)
    .map((w) => w.replace(/[^A-Za-z0-9/]/g, ""))
    .filter((w) => w.length > 0);
  if (words.length === 0) return undefined;

  const prefix: string[] = [];
  let i = 0;
  if ((words[0] ?? "").toLowerCase() === "batch") {
    prefix.push("batch");
    i = 1;
  }
  const first = VERBS.get((words[i] ?? "").toLowerCase());
  if (first === undefined) return undefined;
  i++;

  // Clauses: "Adding or Deleting …", "Creating … and Binding …".
  const clauses: { verb: Verb; raw: string[]; conj?: string }[] = [{ verb: first, raw: [] }];
  for (; i < words.length; i++) {
    const w = words[i] ?? "";
    const next = VERBS.get((words[i + 1] ?? "").toLowerCase());
    if (CONJUNCTIONS.has(w.toLowerCase()) && next !== undefined && /ing$/i.test(words[i + 1] ?? "")) {
      clauses.push({ verb: next, raw: [], conj: w.toLowerCase() });
      i++;
      continue;
    }
    clauses[clauses.length - 1]?.raw.push(w);
  }

  const out: string[] = [...prefix];
  for (const c of clauses) {
    const clause = objectPhrase(c.verb, c.raw);
    if (c.conj) out.push(c.conj);
    out.push(verbWord(clause), ...clause.words);
  }
  return camelCase(out);
}

function verbWord(c: Clause): string {
  if (c.verb !== "query") return c.verb;
  if (c.details) return "show";
  return c.all || c.plural ? "list" : "show";
}

// "Details of a Load Balancer" -> [LoadBalancer] (details); "All Tags of a Listener" ->
// [Listener, Tags] (all, plural); "Listeners by Tag" -> [Listeners, by, Tag].
function objectPhrase(verb: Verb, raw: readonly string[]): Clause {
  let details = false;
  let all = false;
  const kept: string[] = [];
  for (let j = 0; j < raw.length; j++) {
    const w = raw[j] ?? "";
    const lower = w.toLowerCase();
    if (lower === "details" && (raw[j + 1] ?? "").toLowerCase() === "of") {
      details = true;
      j++;
      continue;
    }
    if (lower === "details" && j === raw.length - 1) {
      details = true;
      continue;
    }
    if (lower === "all") {
      all = true;
      continue;
    }
    if (ARTICLES.has(lower)) continue;
    if (PRONOUNS.has(lower)) {
      if (PREPOSITIONS.has((kept[kept.length - 1] ?? "").toLowerCase())) kept.pop();
      continue;
    }
    kept.push(w);
  }

  // Split into the core phrase and prepositional tails; reorder "X of Y" in the core.
  const firstPrep = kept.findIndex((w) => PREPOSITIONS.has(w.toLowerCase()));
  const core = firstPrep >= 0 ? kept.slice(0, firstPrep) : kept;
  const tail = firstPrep >= 0 ? kept.slice(firstPrep) : [];
  const of = core.findIndex((w) => w.toLowerCase() === "of");
  let ordered = core;
  let head = core[core.length - 1] ?? "";
  if (of > 0) {
    const thing = core.slice(0, of);
    const owner = core.slice(of + 1);
    ordered = [...owner, ...thing];
    head = thing[thing.length - 1] ?? "";
  }
  return { verb, words: [...ordered, ...tail], plural: isPlural(head), details, all };
}

function isPlural(word: string): boolean {
  // Acronym plurals: ECSs, AZs, IPs.
  if (/[A-Z]s$/.test(word)) return true;
  const w = word.toLowerCase();
  if (w.length < 3) return false;
  if (/(?:ss|us|is)$/.test(w)) return false;
  return w.endsWith("s");
}

// ---------------------------------------------------------------------------------------------
// Chinese

type Gloss = {
  words: readonly string[];
  verb?: boolean;
  /** The noun is plural (标签 -> tags), which makes 查询 a list. */
  plural?: boolean;
  /** 列表 / 所有: the title names a list; pluralise the previous noun (列表 only). */
  list?: "pluralize-previous" | "hint";
  /** 详情: the title names one thing. */
  show?: boolean;
};

const G = (words: string, extra: Omit<Gloss, "words"> = {}): Gloss => ({
  words: words === "" ? [] : words.split(" "),
  ...extra,
});

const GLOSSARY: ReadonlyMap<string, Gloss> = new Map<string, Gloss>([
  // verbs
  ["创建", G("create", { verb: true })],
  ["新建", G("create", { verb: true })],
  ["删除", G("delete", { verb: true })],
  ["查询", G("query", { verb: true })],
  ["获取", G("get", { verb: true })],
  ["修改", G("update", { verb: true })],
  ["更新", G("update", { verb: true })],
  ["变更", G("change", { verb: true })],
  ["扩容", G("expand", { verb: true })],
  ["缩容", G("shrink", { verb: true })],
  ["设置", G("set", { verb: true })],
  ["重置", G("reset", { verb: true })],
  ["重启", G("restart", { verb: true })],
  ["启动", G("start", { verb: true })],
  ["停止", G("stop", { verb: true })],
  ["恢复", G("restore", { verb: true })],
  ["添加", G("add", { verb: true })],
  ["移除", G("remove", { verb: true })],
  ["绑定", G("bind", { verb: true })],
  ["解绑", G("unbind", { verb: true })],
  ["解除绑定", G("unbind", { verb: true })],
  ["开启", G("enable", { verb: true })],
  ["启用", G("enable", { verb: true })],
  ["关闭", G("disable", { verb: true })],
  ["禁用", G("disable", { verb: true })],
  ["切换", G("switch", { verb: true })],
  ["升级", G("upgrade", { verb: true })],
  ["迁移", G("migrate", { verb: true })],
  ["上传", G("upload", { verb: true })],
  ["下载", G("download", { verb: true })],
  ["导入", G("import", { verb: true })],
  ["导出", G("export", { verb: true })],
  ["复制", G("copy", { verb: true })],
  ["应用", G("apply", { verb: true })],
  ["取消", G("cancel", { verb: true })],
  // connectives and fillers
  ["批量", G("batch")],
  ["或", G("or")],
  ["和", G("and")],
  ["与", G("and")],
  ["并", G("and")],
  ["的", G("")],
  ["信息", G("")],
  ["指定", G("")],
  ["列表", G("", { list: "pluralize-previous" })],
  ["所有", G("", { list: "hint" })],
  ["全部", G("", { list: "hint" })],
  ["详情", G("", { show: true })],
  // nouns
  ["手动", G("manual")],
  ["自动", G("auto")],
  ["备份", G("backup")],
  ["实例", G("instance")],
  ["资源实例", G("resource instances", { plural: true })],
  ["规格", G("flavor")],
  ["规格信息", G("flavors", { plural: true })],
  ["存储容量", G("storage volume")],
  ["存储", G("storage")],
  ["容量", G("volume")],
  ["磁盘", G("disk")],
  ["集群", G("cluster")],
  ["副本集", G("replica set")],
  ["单节点", G("single node")],
  ["节点", G("node")],
  ["节点数量", G("node count")],
  ["数量", G("count")],
  ["资源", G("resource")],
  ["标签", G("tags", { plural: true })],
  ["项目", G("project")],
  ["版本", G("version")],
  ["数据库", G("database")],
  ["数据库版本", G("database version")],
  ["数据库版本信息", G("database versions", { plural: true })],
  ["策略", G("policy")],
  ["备份策略", G("backup policy")],
  ["参数", G("parameters", { plural: true })],
  ["参数模板", G("parameter template")],
  ["配置", G("configuration")],
  ["用户", G("user")],
  ["密码", G("password")],
  ["日志", G("logs", { plural: true })],
  ["慢日志", G("slow logs", { plural: true })],
  ["错误日志", G("error logs", { plural: true })],
  ["任务", G("job")],
  ["安全组", G("security group")],
  ["端口", G("port")],
  ["名称", G("name")],
  ["描述", G("description")],
  ["连接", G("connection")],
  ["状态", G("status")],
  ["配额", G("quotas", { plural: true })],
  ["认证", G("authentication")],
  ["监控", G("monitoring")],
  ["指标", G("metrics", { plural: true })],
  ["可用区", G("availability zones", { plural: true })],
  ["主备", G("primary standby")],
  ["倒换", G("switchover")],
  ["只读", G("read only")],
  ["负载均衡器", G("load balancer")],
  ["监听器", G("listener")],
  ["证书", G("certificate")],
]);

const LONGEST_KEY = Math.max(...[...GLOSSARY.keys()].map((k) => k.length));

function chinese(t: string): string | undefined {
  const pieces: Gloss[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t[i] ?? "";
    // ASCII words pass through: API, ID, Token.
    const ascii = /^[A-Za-z0-9]+/.exec(t.slice(i, i + 64));
    if (ascii) {
      pieces.push({ words: [ascii[0]] });
      i += ascii[0].length;
      continue;
    }
    if (/[\s()（）【】《》“”"'、，,：:。.\-_/]/.test(c)) {
      i++;
      continue;
    }
    let match: Gloss | undefined;
    let length = 0;
    for (let n = Math.min(LONGEST_KEY, t.length - i); n >= 1; n--) {
      const g = GLOSSARY.get(t.slice(i, i + n));
      if (g) {
        match = g;
        length = n;
        break;
      }
    }
    if (!match) return undefined;
    pieces.push(match);
    i += length;
  }
  if (pieces.length === 0) return undefined;

  const words: string[] = [];
  let listHint = false;
  let showHint = false;
  let lastPlural = false;
  for (const p of pieces) {
    if (p.list === "pluralize-previous") {
      listHint = true;
      const last = words.length - 1;
      if (last >= 0 && !lastPlural) words[last] = pluralize(words[last] ?? "");
      lastPlural = true;
      continue;
    }
    if (p.list === "hint") listHint = true;
    if (p.show) showHint = true;
    if (p.words.length === 0) continue;
    words.push(...p.words);
    if (!p.verb) lastPlural = p.plural === true;
  }
  const resolved = words.map((w) => {
    if (w !== "query") return w;
    // Only a 查询 in verb position is resolved; the noun after it decides list or show.
    const plural = lastPlural || listHint;
    return !showHint && plural ? "list" : "show";
  });
  return resolved.length > 0 ? camelCase(resolved) : undefined;
}

function pluralize(word: string): string {
  const w = word.toLowerCase();
  if (/[^aeiou]y$/.test(w)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(w)) return `${word}es`;
  return `${word}s`;
}
