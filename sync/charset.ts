// The charset a page declares, and a check that its bytes really are text in that charset. Pages
// are stored byte for byte as received; decoding only validates them and names the charset in
// the lock file. Order follows the HTML spec's encoding sniffing: a byte order mark, then the
// transport's Content-Type, then <meta charset> / <meta http-equiv> / <?xml encoding?> in the
// first 1024 bytes of an HTML or XML page, then UTF-8.

const htmlName = /\.(html?|xhtml|xml)$/i;

export function declaredCharset(bytes: Uint8Array, options: { contentType?: string | null; name: string }): string {
  const bom = bomCharset(bytes);
  if (bom) return bom;
  const fromHeader = options.contentType ? charsetParameter(options.contentType) : undefined;
  if (fromHeader) return fromHeader;
  const looksHtml = htmlName.test(options.name) || /\b(html|xml)\b/i.test(options.contentType ?? "");
  if (looksHtml) {
    const fromMeta = metaCharset(bytes);
    if (fromMeta) return fromMeta;
  }
  return "utf-8";
}

/** Why `bytes` are not text in `charset`, or undefined when they are. */
export function textProblem(bytes: Uint8Array, charset: string): string | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return `declares charset "${charset}", which this Node.js cannot decode`;
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return `is not valid ${charset} text`;
  }
  if (text.includes("\0")) return `contains NUL characters (not a text page)`;
  return undefined;
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

export function charsetParameter(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match?.[2]?.toLowerCase();
}

function metaCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 maps each byte to one code unit, so ASCII markup is found whatever the real charset.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const xml = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return undefined;
}
