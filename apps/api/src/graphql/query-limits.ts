import {
  type ASTNode,
  type ASTVisitor,
  type FieldNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  isOutputType,
  Kind,
} from 'graphql';

export interface QueryLimits {
  /** Deepest field nesting an operation may reach. */
  readonly maxDepth: number;
  /** Aliased fields an operation resolves, fragments expanded: aliases multiply work without adding depth or cost. */
  readonly maxAliases: number;
  /** Estimated number of objects resolved (lists counted at their page size). */
  readonly maxCost: number;
  /** Elements of one list literal in a document, or of one list in the variables. */
  readonly maxListLength: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 20_000, maxListLength: 100 };

/**
 * Lexical tokens a document may hold, checked by graphql-js while it parses,
 * so that parsing and every rule after it are bounded by this rather than by
 * the request size. The largest documents a client of this API sends hold a
 * few hundred.
 */
export const PARSE_OPTIONS: ParseOptions = { maxTokens: 2_000 };

/** Errors reported at most per document: validation stops there rather than describing every element of a huge input. */
export const MAX_VALIDATION_ERRORS = 20;

/** Page size assumed for a list whose `first` is a variable: the API's cap. */
const MAX_PAGE = 100;
/** Size assumed for a list field without paging (answers, partners, history, …). */
const UNPAGED_LIST = 10;

interface Measure {
  readonly depth: number;
  readonly cost: number;
  readonly aliases: number;
}

const NOTHING: Measure = { depth: 0, cost: 0, aliases: 0 };

function limitError(limit: string, max: number, actual: number, node: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(`Query exceeds the ${limit} limit: ${actual} > ${max}`, {
    nodes: [node],
    extensions: { code: 'BAD_USER_INPUT', limit, max, actual },
  });
}

function listLengthError(max: number, actual: number, where: string, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(`A list may hold at most ${max} elements: ${where} holds ${actual}`, {
    ...(nodes ? { nodes } : {}),
    extensions: { code: 'BAD_USER_INPUT', limit: 'listLength', max, actual },
  });
}

/**
 * Measures the operations of one document. A named fragment's measure does
 * not depend on where it is spread (its type condition fixes its parent
 * type), so each is computed once and reused: the work stays linear in the
 * document however the fragments nest, where re-expanding every spread would
 * double it with each level of `...F ...F`.
 */
class DocumentMeasure {
  private readonly fragments = new Map<string, Measure>();
  /** Fragments being measured: a cycle (which graphql-js reports itself) adds nothing. */
  private readonly measuring = new Set<string>();

  constructor(private readonly context: ValidationContext) {}

  operation(node: OperationDefinitionNode): Measure {
    const schema = this.context.getSchema();
    const root =
      node.operation === 'query'
        ? schema.getQueryType()
        : node.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    return this.selections(node.selectionSet, root ?? undefined);
  }

  private selections(selectionSet: SelectionSetNode, parentType: GraphQLOutputType | undefined): Measure {
    let depth = 0;
    let cost = 0;
    let aliases = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(parentType, selection);
        const child = selection.selectionSet ? this.selections(selection.selectionSet, field?.type) : NOTHING;
        depth = Math.max(depth, 1 + child.depth);
        cost += (1 + child.cost) * multiplier(selection, field, parentType);
        aliases += (selection.alias ? 1 : 0) + child.aliases;
        continue;
      }
      const inner =
        selection.kind === Kind.INLINE_FRAGMENT
          ? this.selections(selection.selectionSet, this.typeNamed(selection.typeCondition?.name.value) ?? parentType)
          : this.fragment(selection.name.value);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      aliases += inner.aliases;
    }
    return { depth, cost, aliases };
  }

  private fragment(name: string): Measure {
    const known = this.fragments.get(name);
    if (known !== undefined) return known;
    if (this.measuring.has(name)) return NOTHING;
    const definition = this.context.getFragment(name);
    if (!definition) return NOTHING;
    this.measuring.add(name);
    const measure = this.selections(definition.selectionSet, this.typeNamed(definition.typeCondition.name.value));
    this.measuring.delete(name);
    this.fragments.set(name, measure);
    return measure;
  }

  private typeNamed(name: string | undefined): GraphQLOutputType | undefined {
    const type = name === undefined ? undefined : this.context.getSchema().getType(name);
    return type && isOutputType(type) ? type : undefined;
  }
}

function fieldDefinition(
  parentType: GraphQLOutputType | undefined,
  node: FieldNode,
): GraphQLField<unknown, unknown> | undefined {
  const named = parentType ? getNamedType(parentType) : undefined;
  if (!named || !(isObjectType(named) || isInterfaceType(named))) return undefined;
  return named.getFields()[node.name.value];
}

/** A list of objects costs as many times its selection as it may hold; a list of scalars is one value. */
function multiplier(
  node: FieldNode,
  field: GraphQLField<unknown, unknown> | undefined,
  parentType: GraphQLOutputType | undefined,
): number {
  if (!node.selectionSet) return 1;
  // A connection's edges are the page its `first` already counted.
  if (node.name.value === 'edges' && parentType && getNamedType(parentType).name.endsWith('Connection')) return 1;
  const first = node.arguments?.find((argument) => argument.name.value === 'first');
  if (first) return first.value.kind === Kind.INT ? Math.min(Number(first.value.value), MAX_PAGE) : MAX_PAGE;
  const pageArgument = field?.args.find((argument) => argument.name === 'first');
  if (typeof pageArgument?.defaultValue === 'number') return pageArgument.defaultValue;
  return field && isListType(getNullableType(field.type)) ? UNPAGED_LIST : 1;
}

/** Depth, alias, cost and list-length limits as graphql-js validation rules, so every transport runs the same ones. */
export function queryLimitRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule[] {
  const operationLimits: ValidationRule = (context): ASTVisitor => {
    const measure = new DocumentMeasure(context);
    return {
      OperationDefinition(node) {
        const { depth, cost, aliases } = measure.operation(node);
        if (depth > limits.maxDepth) context.reportError(limitError('depth', limits.maxDepth, depth, node));
        if (aliases > limits.maxAliases) context.reportError(limitError('aliases', limits.maxAliases, aliases, node));
        if (cost > limits.maxCost) context.reportError(limitError('cost', limits.maxCost, cost, node));
      },
    };
  };
  const listLength: ValidationRule = (context): ASTVisitor => ({
    ListValue(node) {
      if (node.values.length <= limits.maxListLength) return;
      context.reportError(listLengthError(limits.maxListLength, node.values.length, 'a list in the document', [node]));
      // Its elements are not worth validating one by one.
      return false;
    },
  });
  return [listLength, operationLimits];
}

/** A value met while walking the variables, with the way back to the root for naming its path. */
interface Visit {
  readonly value: unknown;
  readonly key: string | number | null;
  readonly parent: Visit | null;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) {
    keys.push(typeof at.key === 'number' ? `[${at.key}]` : `.${at.key}`);
  }
  return `$${keys.reverse().join('')}`;
}

/**
 * The first list in `variables` longer than the limit, as a BAD_USER_INPUT
 * error naming its path, or null. Runs before the variables are coerced,
 * which checks and reports every element: a request listing 50,000 countries
 * is refused for its length, not described country by country. Iterative,
 * and the path is only spelled out for the list refused: the shape of the
 * JSON is the client's.
 */
export function oversizedListIn(
  variables: unknown,
  maxListLength = DEFAULT_QUERY_LIMITS.maxListLength,
): GraphQLError | null {
  const pending: Visit[] = [{ value: variables, key: null, parent: null }];
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    const parent = visit;
    const { value } = parent;
    if (Array.isArray(value)) {
      if (value.length > maxListLength) return listLengthError(maxListLength, value.length, pathOf(parent));
      value.forEach((element, index) => pending.push({ value: element, key: index, parent }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, element] of Object.entries(value)) pending.push({ value: element, key, parent });
    }
  }
  return null;
}
