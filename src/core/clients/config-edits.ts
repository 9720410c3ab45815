/**
 * Text edits to one entry of a config file's server map, touching nothing else: every other byte
 * (other servers, unknown keys, key order, comments, blank lines) stays where it was. Works on
 * JSON and JSONC alike; the text must already have passed parseConfig.
 */
import { applyEdits, createScanner, findNodeAtLocation, modify, parseTree, type Node } from 'jsonc-parser';
import type { TextLayout } from './text-layout';

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

function splice(text: string, offset: number, removeLength: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset + removeLength);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding `offset` ends: at its "\n", or at the "\r" of a "\r\n". */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > offset && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Where the next line starts (after the line break), or the end of the text. */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function indentOfLineAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))?.[0] ?? '';
}

function onSameLine(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes('\n');
}

/** A value as pretty JSON whose inner lines sit under `baseIndent`. */
function render(value: unknown, baseIndent: string, layout: TextLayout): string {
  return JSON.stringify(value, undefined, layout.indent).split('\n').join(layout.eol + baseIndent);
}

/** The comma right after `offset` (whitespace and comments skipped), if the next token is one. */
function commaAfter(text: string, offset: number): { start: number; end: number } | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  scanner.scan();
  const start = scanner.getTokenOffset();
  return text.slice(start, start + scanner.getTokenLength()) === ',' ? { start, end: start + 1 } : undefined;
}

function propertyNamed(objectNode: Node, name: string): Node | undefined {
  return objectNode.children?.find((property) => property.children?.[0]?.value === name);
}

/** True when only whitespace and perhaps a line comment follow `offset` on its line. */
function restOfLineIsTrivia(text: string, offset: number): boolean {
  return /^\s*(\/\/.*)?$/.test(text.slice(offset, lineEnd(text, offset)));
}

function insertProperty(text: string, objectNode: Node, key: string, value: unknown, layout: TextLayout): string {
  const objectIndent = indentOfLineAt(text, objectNode.offset);
  const last = objectNode.children?.at(-1);
  const open = objectNode.offset + 1;
  const close = objectNode.offset + objectNode.length - 1;
  if (last) {
    const propertyIndent = onSameLine(text, objectNode.offset, last.offset) ? objectIndent + layout.indent : indentOfLineAt(text, last.offset);
    const lastEnd = last.offset + last.length;
    // A JSONC list that ends with a comma keeps doing so: ours gets one too.
    const trailingComma = commaAfter(text, lastEnd);
    const afterLast = trailingComma ? trailingComma.end : lastEnd;
    const property = `${layout.eol}${propertyIndent}${JSON.stringify(key)}: ${render(value, propertyIndent, layout)}${trailingComma ? ',' : ''}`;
    // A comment at the end of the last entry's line belongs to that entry: ours goes on the next line.
    const insertAt = restOfLineIsTrivia(text, afterLast) ? lineEnd(text, afterLast) : afterLast;
    const withProperty = splice(text, insertAt, 0, property);
    return trailingComma ? withProperty : splice(withProperty, lastEnd, 0, ',');
  }
  const propertyIndent = objectIndent + layout.indent;
  const property = `${propertyIndent}${JSON.stringify(key)}: ${render(value, propertyIndent, layout)}`;
  // An empty `{}` becomes a block.
  if (text.slice(open, close).trim() === '') return splice(text, open, close - open, `${layout.eol}${property}${layout.eol}${objectIndent}`);
  // Only comments inside: ours goes after them, on the closing brace's line or a new one before it.
  const closeLineStart = lineStart(text, close);
  if (closeLineStart > open && text.slice(closeLineStart, close).trim() === '') return splice(text, closeLineStart, 0, `${property}${layout.eol}`);
  return splice(text, close, 0, `${layout.eol}${property}${layout.eol}${objectIndent}`);
}

/** Adds the entry, or replaces the value of an entry with that name in place. */
export function setServerEntry(text: string, serversKey: string, name: string, value: unknown, layout: TextLayout): string {
  const root = parseTree(text, [], PARSE_OPTIONS);
  if (!root) return `${render({ [serversKey]: { [name]: value } }, '', layout)}${layout.eol}`;
  const serversNode = findNodeAtLocation(root, [serversKey]);
  if (!serversNode) return insertProperty(text, root, serversKey, { [name]: value }, layout);
  const property = propertyNamed(serversNode, name);
  const valueNode = property?.children?.[1];
  if (property && valueNode) return splice(text, valueNode.offset, valueNode.length, render(value, indentOfLineAt(text, property.offset), layout));
  return insertProperty(text, serversNode, name, value, layout);
}

/** `{` + only whitespace + `}` after a removal becomes `{}`. */
function collapseIfEmpty(text: string, serversKey: string): string {
  const root = parseTree(text, [], PARSE_OPTIONS);
  const serversNode = root ? findNodeAtLocation(root, [serversKey]) : undefined;
  if (!serversNode || (serversNode.children?.length ?? 0) > 0) return text;
  const open = serversNode.offset + 1;
  const close = serversNode.offset + serversNode.length - 1;
  return text.slice(open, close).trim() === '' ? splice(text, open, close - open, '') : text;
}

/**
 * Removes the entry. When it sits on lines of its own (the usual pretty-printed case) those whole
 * lines go, with the comma that separated it and a line comment trailing it; otherwise jsonc-parser
 * removes just the property.
 */
export function removeServerEntry(text: string, serversKey: string, name: string): string {
  const root = parseTree(text, [], PARSE_OPTIONS);
  const serversNode = root ? findNodeAtLocation(root, [serversKey]) : undefined;
  const property = serversNode ? propertyNamed(serversNode, name) : undefined;
  if (!serversNode || !property) return text;

  const end = property.offset + property.length;
  const ownComma = commaAfter(text, end);
  const afterProperty = ownComma ? ownComma.end : end;
  const ownsLines = text.slice(lineStart(text, property.offset), property.offset).trim() === '' && restOfLineIsTrivia(text, afterProperty);
  if (!ownsLines) return collapseIfEmpty(applyEdits(text, modify(text, [serversKey, name], undefined, {})), serversKey);

  const removeFrom = lineStart(text, property.offset);
  const removeTo = nextLineStart(text, afterProperty);
  let result = splice(text, removeFrom, removeTo - removeFrom, '');
  const properties = serversNode.children ?? [];
  const previous = properties[properties.indexOf(property) - 1];
  if (!ownComma && previous) {
    // It was the last entry: the comma after the one before it now separates nothing.
    const previousComma = commaAfter(text, previous.offset + previous.length);
    if (previousComma && previousComma.start < removeFrom) result = splice(result, previousComma.start, 1, '');
  }
  return collapseIfEmpty(result, serversKey);
}
