// Shopify's search syntax (https://shopify.dev/docs/api/usage/search-syntax), enough of it
// for the `query:` argument of orders, customers and products: field:value terms, quoted
// values with \-escapes, comparisons (>, >=, <, <=), AND / OR / NOT / -term and parentheses.

export type SearchNode =
  | { kind: "term"; field: string | null; op: ":" | ">" | ">=" | "<" | "<="; value: string }
  | { kind: "and" | "or"; items: SearchNode[] }
  | { kind: "not"; item: SearchNode };

type Token = { type: "word"; text: string } | { type: "(" } | { type: ")" };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ type: c } as Token);
      i++;
    } else {
      let text = "";
      while (i < input.length && !/[\s()]/.test(input[i]!)) {
        if (input[i] === '"') {
          i++;
          while (i < input.length && input[i] !== '"') {
            if (input[i] === "\\" && i + 1 < input.length) i++;
            text += input[i++];
          }
          i++;
        } else if (input[i] === "\\" && i + 1 < input.length) {
          text += input[i + 1];
          i += 2;
        } else {
          text += input[i++];
        }
      }
      tokens.push({ type: "word", text });
    }
  }
  return tokens;
}

export function parseSearch(input: string): SearchNode | null {
  const tokens = tokenize(input);
  let pos = 0;
  const peekWord = () => (tokens[pos]?.type === "word" ? (tokens[pos] as { text: string }).text : null);

  function or(): SearchNode | null {
    const items = [and()].filter(Boolean) as SearchNode[];
    while (peekWord() === "OR") {
      pos++;
      const next = and();
      if (next) items.push(next);
    }
    return items.length === 0 ? null : items.length === 1 ? items[0]! : { kind: "or", items };
  }
  function and(): SearchNode | null {
    const items: SearchNode[] = [];
    while (pos < tokens.length && tokens[pos]!.type !== ")" && peekWord() !== "OR") {
      if (peekWord() === "AND") {
        pos++;
        continue;
      }
      const item = unary();
      if (item) items.push(item);
    }
    return items.length === 0 ? null : items.length === 1 ? items[0]! : { kind: "and", items };
  }
  function unary(): SearchNode | null {
    const token = tokens[pos++]!;
    if (token.type === ")") return null;
    if (token.type === "(") {
      const inner = or();
      if (tokens[pos]?.type === ")") pos++;
      return inner;
    }
    if (token.text === "NOT") {
      const item = unary();
      return item ? { kind: "not", item } : null;
    }
    if (token.text.startsWith("-") && token.text.length > 1) {
      tokens[--pos] = { type: "word", text: token.text.slice(1) };
      const item = unary();
      return item ? { kind: "not", item } : null;
    }
    return term(token.text);
  }
  function term(text: string): SearchNode {
    const match = /^([a-z_]+):(>=|<=|>|<)?(.*)$/i.exec(text);
    if (!match) return { kind: "term", field: null, op: ":", value: text };
    return { kind: "term", field: match[1]!.toLowerCase(), op: (match[2] as ">" | undefined) ?? ":", value: match[3]! };
  }

  return or();
}

/** `fields` maps a search field to the record's values for it (strings, or dates as ms). */
export function matches(
  node: SearchNode | null,
  lookup: (field: string | null) => (string | number | null | undefined)[],
): boolean {
  if (!node) return true;
  switch (node.kind) {
    case "and":
      return node.items.every((item) => matches(item, lookup));
    case "or":
      return node.items.some((item) => matches(item, lookup));
    case "not":
      return !matches(node.item, lookup);
    case "term": {
      const values = lookup(node.field);
      return values.some((value) => compare(value, node.op, node.value));
    }
  }
}

function compare(actual: string | number | null | undefined, op: string, wanted: string): boolean {
  if (actual === null || actual === undefined) return false;
  if (typeof actual === "number") {
    const target = /^\d+$/.test(wanted) ? Number(wanted) : Date.parse(wanted);
    if (Number.isNaN(target)) return false;
    if (op === ">") return actual > target;
    if (op === ">=") return actual >= target;
    if (op === "<") return actual < target;
    if (op === "<=") return actual <= target;
    return actual === target;
  }
  const a = actual.toLowerCase();
  const w = wanted.toLowerCase();
  if (op !== ":") return false;
  if (w.endsWith("*")) return a.startsWith(w.slice(0, -1));
  return a === w;
}
