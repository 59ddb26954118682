/** Runs `main` as the command line does, with stdout and stderr captured. */
import { main } from '../../src/cli/main.js';

function captured(): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = { write: (chunk: string) => ((out += chunk), true), isTTY: false } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}

export async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = captured();
  const stderr = captured();
  const code = await main(argv, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
