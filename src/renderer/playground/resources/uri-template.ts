/**
 * RFC 6570 URI templates as resource templates use them ("github://repos/{owner}/{repo}/readme",
 * "search{?q,limit}"): which variables a template has, and the URI once they are filled in.
 * Values are strings (what a small form gives); an empty value counts as not given.
 * Not the SDK's UriTemplate: it leaves out `;` and prefix (`{name:3}`) expressions and joins
 * `{/a,b}` with commas, and importing it from the client's one entry adds about 53 KB to the page.
 */

interface OperatorRule {
  first: string;
  separator: string;
  named: boolean;
  ifEmpty: string;
  allowReserved: boolean;
}

const OPERATORS: Record<string, OperatorRule> = {
  '': { first: '', separator: ',', named: false, ifEmpty: '', allowReserved: false },
  '+': { first: '', separator: ',', named: false, ifEmpty: '', allowReserved: true },
  '#': { first: '#', separator: ',', named: false, ifEmpty: '', allowReserved: true },
  '.': { first: '.', separator: '.', named: false, ifEmpty: '', allowReserved: false },
  '/': { first: '/', separator: '/', named: false, ifEmpty: '', allowReserved: false },
  ';': { first: ';', separator: ';', named: true, ifEmpty: '', allowReserved: false },
  '?': { first: '?', separator: '&', named: true, ifEmpty: '=', allowReserved: false },
  '&': { first: '&', separator: '&', named: true, ifEmpty: '=', allowReserved: false },
};

interface VariableSpec {
  name: string;
  maxLength?: number;
}

const EXPRESSION = /\{([^{}]*)\}/g;

function parseExpression(body: string): { rule: OperatorRule; specs: VariableSpec[] } {
  const operator = body[0] !== undefined && body[0] in OPERATORS && body[0] !== '' ? body[0] : '';
  const rule = OPERATORS[operator] ?? OPERATORS['']!;
  const specs = body
    .slice(operator.length)
    .split(',')
    .map((raw) => raw.trim())
    .filter((raw) => raw !== '')
    .map((raw): VariableSpec => {
      const prefix = /^(.*):(\d+)$/.exec(raw);
      if (prefix?.[1] !== undefined) return { name: prefix[1], maxLength: Number(prefix[2]) };
      return { name: raw.replace(/\*$/, '') };
    });
  return { rule, specs };
}

function encode(value: string, allowReserved: boolean): string {
  if (allowReserved) return encodeURI(value);
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Every variable name in the template, once each, in the order they appear. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(EXPRESSION)) {
    for (const spec of parseExpression(match[1] ?? '').specs) {
      if (!names.includes(spec.name)) names.push(spec.name);
    }
  }
  return names;
}

/** Variables in query expressions ({?q}, {&page}) may be left out; the others make up the path. */
export function optionalTemplateVariables(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(EXPRESSION)) {
    const body = match[1] ?? '';
    if (!body.startsWith('?') && !body.startsWith('&')) continue;
    for (const spec of parseExpression(body).specs) if (!names.includes(spec.name)) names.push(spec.name);
  }
  return names;
}

export function expandUriTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(EXPRESSION, (_whole, body: string) => {
    const { rule, specs } = parseExpression(body);
    const parts = specs.flatMap((spec) => {
      const raw = values[spec.name];
      if (raw === undefined || raw === '') return [];
      const value = encode(spec.maxLength === undefined ? raw : [...raw].slice(0, spec.maxLength).join(''), rule.allowReserved);
      if (!rule.named) return [value];
      return [value === '' ? `${spec.name}${rule.ifEmpty}` : `${spec.name}=${value}`];
    });
    return parts.length === 0 ? '' : rule.first + parts.join(rule.separator);
  });
}
