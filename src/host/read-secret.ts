/**
 * Reads a secret value for `mcp-tray secrets set`: from stdin when it is piped, otherwise from a
 * prompt that echoes nothing. Never from the command line, where shell history and `ps` would keep it.
 */
import { CliFailure, EXIT_INTERRUPTED } from './cli-errors';

/** Far above any token; stops someone piping a whole disk image into the keychain call. */
const MAX_STDIN_BYTES = 1024 * 1024;

async function readPipedStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw new CliFailure(`The value on stdin is longer than ${MAX_STDIN_BYTES} bytes; a secret is a token or a password.`);
    chunks.push(buffer);
  }
  // `echo token | mcp-tray secrets set ...` adds one newline that is not part of the token.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // Raw mode first: keys typed the moment the prompt shows must neither echo nor raise SIGINT.
  stdin.setRawMode(true);
  process.stderr.write(prompt);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      outcome();
    };
    const onData = (text: string) => {
      for (const character of text) {
        if (character === '\r' || character === '\n' || (character === '\u0004' && value === '')) return finish(() => resolve(value));
        if (character === '\u0003') return finish(() => reject(new CliFailure('Cancelled; nothing was saved.', EXIT_INTERRUPTED)));
        if (character === '\u007f' || character === '\b') value = value.slice(0, -1);
        else if (character >= ' ') value += character;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readSecretValue(label: string): Promise<string> {
  if (process.stdin.isTTY) return promptHidden(`Value for ${label} (typing is hidden, Enter to save): `);
  return readPipedStdin();
}
