// Progress for long runs: a live "pages done / total" line on a terminal, nothing in CI or pipes.
export type Progress = (label: string, done: number, total: number) => void;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress | undefined {
  if (!stream.isTTY || process.env.CI) return undefined;
  let last = 0;
  return (label, done, total) => {
    const now = Date.now();
    if (done < total && now - last < 50) return;
    last = now;
    stream.write(`\r\x1b[2K${label}: ${done}/${total} pages`);
    if (done === total) stream.write("\r\x1b[2K");
  };
}
