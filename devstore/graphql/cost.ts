// Shopify's query cost model (https://shopify.dev/docs/api/usage/rate-limits): scalars and
// enums 0, objects 1, connections 2 plus `first`/`last` times the cost of one node,
// top-level mutation fields 10.
import {
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: unknown,
): number {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const vars = (variables && typeof variables === "object" ? variables : {}) as Record<string, unknown>;
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  const fields = collectFields(operation.selectionSet, fragments);
  if (operation.operation === "mutation") return fields.length * 10;
  return fields.reduce((sum, field) => sum + fieldCost(field, root, schema, fragments, vars), 0);
}

function collectFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): FieldNode[] {
  const out: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      out.push(...collectFields(selection.selectionSet, fragments, seen));
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value)) {
        seen.add(fragment.name.value);
        out.push(...collectFields(fragment.selectionSet, fragments, seen));
      }
    }
  }
  return out;
}

function argValue(field: FieldNode, name: string, vars: Record<string, unknown>): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? literal(arg.value, vars) : undefined;
}

function literal(value: ValueNode, vars: Record<string, unknown>): unknown {
  if (value.kind === Kind.VARIABLE) return vars[value.name.value];
  if (value.kind === Kind.INT) return Number(value.value);
  return undefined;
}

function fieldCost(
  field: FieldNode,
  parent: GraphQLNamedType,
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  vars: Record<string, unknown>,
): number {
  if (!isObjectType(parent) && !isAbstractType(parent)) return 0;
  const definition = "getFields" in parent ? parent.getFields()[field.name.value] : undefined;
  if (!definition) return 0;
  const named = getNamedType(definition.type);
  if (!field.selectionSet || !(isObjectType(named) || isAbstractType(named))) return 0;
  const children = (type: GraphQLNamedType, selectionSet: SelectionSetNode) =>
    collectFields(selectionSet, fragments).reduce(
      (sum, child) => sum + fieldCost(child, type, schema, fragments, vars),
      0,
    );
  const size = Number(argValue(field, "first", vars) ?? argValue(field, "last", vars) ?? NaN);

  if (named.name.endsWith("Connection") && isObjectType(named)) {
    // the cost of one node: whichever of nodes / edges.node is selected (the larger)
    let perNode = 0;
    for (const child of collectFields(field.selectionSet, fragments)) {
      const childDef = named.getFields()[child.name.value];
      if (!childDef || !child.selectionSet) continue;
      const childType = getNamedType(childDef.type);
      if (child.name.value === "nodes") perNode = Math.max(perNode, 1 + children(childType, child.selectionSet));
      if (child.name.value === "edges" && isObjectType(childType)) {
        const node = collectFields(child.selectionSet, fragments).find((f) => f.name.value === "node");
        const nodeType = getNamedType(childType.getFields().node!.type);
        if (node?.selectionSet) perNode = Math.max(perNode, 1 + children(nodeType, node.selectionSet));
      }
    }
    return 2 + (Number.isFinite(size) ? size : 0) * perNode;
  }
  const own = 1 + children(named, field.selectionSet);
  const isList = isListType(isNonNullType(definition.type) ? definition.type.ofType : definition.type);
  return isList && Number.isFinite(size) ? size * own : own;
}

/** The cost of what was actually returned: objects 1, connections 2 more. */
export function resultCost(data: unknown): number {
  if (Array.isArray(data)) return data.reduce((sum: number, item) => sum + resultCost(item), 0);
  if (!data || typeof data !== "object") return 0;
  const record = data as Record<string, unknown>;
  let cost = "pageInfo" in record ? 2 : 1;
  for (const value of Object.values(record)) cost += resultCost(value);
  return cost;
}
