/**
 * Keys and lines from the terminal for the interactive review. On a TTY the
 * input is put in raw mode so a single key acts at once; piped input (a
 * script, a test) is read the same way, one character per key, so a session
 * can be driven by `printf 'a\nr\nwrong\nq\n' | planlens review …`.
 */
export class KeyReader {
  private buffer = '';
  private ended = false;
  private wake: (() => void) | null = null;
  private readonly tty: boolean;
  private readonly onData = (chunk: string) => {
    this.buffer += chunk;
    this.wake?.();
  };
  private readonly onEnd = () => {
    this.ended = true;
    this.wake?.();
  };

  constructor(
    private readonly input: NodeJS.ReadStream,
    private readonly echo: NodeJS.WriteStream,
  ) {
    this.tty = Boolean(input.isTTY);
    if (this.tty) input.setRawMode?.(true);
    input.setEncoding('utf8');
    input.on('data', this.onData);
    input.on('end', this.onEnd);
    input.resume();
  }

  private async more(): Promise<boolean> {
    if (this.buffer.length) return true;
    if (this.ended) return false;
    await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
    return this.buffer.length > 0 || !this.ended;
  }

  /** The next key, blanks skipped; Ctrl-C / Ctrl-D / end of input read as 'q'. */
  async key(): Promise<string> {
    for (;;) {
      if (!(await this.more())) return 'q';
      const ch = this.buffer[0]!;
      this.buffer = this.buffer.slice(1);
      if (ch === '\u0003' || ch === '\u0004') return 'q';
      if (/\s/.test(ch)) continue;
      if (this.tty) this.echo.write(ch + '\n');
      return ch;
    }
  }

  /** A line of text (echoed on a TTY, with backspace); null at end of input. */
  async line(): Promise<string | null> {
    let text = '';
    let leading = !this.tty;
    for (;;) {
      if (!(await this.more())) return text.length ? text : null;
      const ch = this.buffer[0]!;
      this.buffer = this.buffer.slice(1);
      // Piped keys are followed by a newline: it ends the key, not this line.
      if (leading && (ch === '\n' || ch === '\r')) continue;
      leading = false;
      if (ch === '\u0003' || ch === '\u0004') return null;
      if (ch === '\n' || ch === '\r') {
        if (this.tty) this.echo.write('\n');
        return text;
      }
      if (ch === '\u007f' || ch === '\b') {
        if (text.length) {
          text = text.slice(0, -1);
          if (this.tty) this.echo.write('\b \b');
        }
        continue;
      }
      text += ch;
      if (this.tty) this.echo.write(ch);
    }
  }

  close(): void {
    if (this.tty) this.input.setRawMode?.(false);
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.pause();
  }
}
