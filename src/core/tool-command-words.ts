/** A name as it can be typed into a shell: bare when it is plain, otherwise in double quotes. */
export function commandWord(name: string): string {
  return /^[\w.:@/+-]+$/.test(name) ? name : `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** An `mcp-tray tools` command line for a server, with the words that follow it. */
export function toolsCommandLine(serverId: string, ...words: string[]): string {
  return ['mcp-tray tools', serverId, ...words].join(' ');
}
