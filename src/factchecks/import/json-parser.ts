import { JSONParser } from '@streamparser/json';

/** An open container on the token parser's stack: `emit` when its value matches one of the parser's paths. */
interface StackItem {
  readonly emit: boolean;
}

/**
 * The members of @streamparser/json's TokenParser (0.0.26, the pinned version) that {@link streamingJsonParser} wraps
 * or reads: private in its types, plain properties at run time.
 */
interface TokenParserInternals {
  keepStack: boolean;
  key: string | number | undefined;
  value: unknown;
  readonly stack: StackItem[];
  push(): void;
  pop(): void;
  emit(value: unknown, emit: boolean): void;
}

/** The token parser inside a JSONParser (private in its types). */
function tokenParserOf(parser: JSONParser): TokenParserInternals {
  return (parser as unknown as { tokenParser: TokenParserInternals }).tokenParser;
}

/**
 * A streaming JSON parser that emits the values at `paths` and drops every other value once it is complete
 * (`keepStack: false`), in time linear in the input however deeply it nests. The library decides whether to drop a
 * completed value by asking whether any open container on its stack is being emitted (`stack.every(...)`): a walk of
 * the whole stack for every value, so a document nested N deep outside the emitted lists (`{"@graph": [[[[…]]]]}`)
 * took time quadratic in N. Here the open containers being emitted are counted as they are pushed and popped, and the
 * drop is decided from the count; the library then runs as it would with nothing left to drop. What is emitted, what
 * is dropped and every error stay as they were.
 */
export function streamingJsonParser(paths: readonly string[]): JSONParser {
  const parser = new JSONParser({ paths: [...paths], keepStack: false });
  const tp = tokenParserOf(parser);
  const { push, pop, emit } = { push: tp.push, pop: tp.pop, emit: tp.emit };
  let emitting = 0;
  tp.push = function (this: TokenParserInternals) {
    push.call(this);
    if (this.stack[this.stack.length - 1]!.emit) emitting++;
  };
  // The library pops the stack, then calls emit: the popped container is uncounted first, as it is gone by then.
  tp.pop = function (this: TokenParserInternals) {
    if (this.stack[this.stack.length - 1]?.emit) emitting--;
    pop.call(this);
  };
  tp.emit = function (this: TokenParserInternals, value: unknown, emitValue: boolean) {
    if (this.value && emitting === 0) dropFromParent(this);
    // keepStack true for the call: the library's own drop (and its walk of the stack) is skipped, done above.
    this.keepStack = true;
    try {
      emit.call(this, value, emitValue);
    } finally {
      this.keepStack = false;
    }
  };
  return parser;
}

/** Drops the value just completed from its parent, as the library does with keepStack false. */
function dropFromParent(tp: TokenParserInternals): void {
  if (Array.isArray(tp.value)) tp.value.length -= 1;
  else delete (tp.value as Record<string | number, unknown>)[tp.key!];
}
