import { fixedText, type LabelContext } from './labels';
import type { NodeKinds } from './nodeKinds';
import type { AppNode } from './types';

/** What the decorated nodes depend on besides the nodes themselves. */
export type DecorationInputs = {
  /** The node Tab enters the canvas on (null: none is focusable, e.g. a read-only view). */
  tabStop: string | null;
  myDots: ReadonlySet<string>;
  voting: boolean;
  /**
   * Whether selected nodes say so to a screen reader: while a selection is built by keyboard
   * (Ctrl+Enter) or holds several nodes, Tab moves the focus without selecting, so the name alone
   * no longer tells whether the node in focus is one of those that Delete, the arrows or Copy act on.
   */
  markSelected: boolean;
  labels: LabelContext;
};

/**
 * React Flow's nodes of a board: ours plus accessible name (from the node's kind), roving tab
 * index and role description. Cached per node object, so a patch that replaced one node decorates
 * one node; the same array comes back while nothing changed (a useSyncExternalStore snapshot).
 * The editing board and a read-only view of the same doc (the audience window) both use it.
 */
export function nodeDecorator(kinds: NodeKinds<AppNode>, hintId: string, selectedId: string): (nodes: AppNode[], inputs: DecorationInputs) => AppNode[] {
  let cache = new WeakMap<AppNode, { key: string; node: AppNode }>();
  /** Accessible names by node data: a drag replaces node objects but not their data. */
  let names = new WeakMap<object, { key: string; name: string }>();
  let labels: LabelContext | null = null;
  let last: unknown[] = [];
  let result: AppNode[] = [];
  return (nodes, { tabStop, myDots, voting, markSelected, labels: context }) => {
    const inputs = [nodes, tabStop, myDots, voting, markSelected, context];
    if (last.length === inputs.length && last.every((value, index) => Object.is(value, inputs[index]))) return result;
    if (labels !== context) {
      cache = new WeakMap();
      names = new WeakMap();
      labels = context;
    }
    last = inputs;
    result = nodes.map((node) => {
      const myDot = voting && myDots.has(node.id);
      const saysSelected = markSelected && node.selected === true;
      const nameKey = `${myDot ? 1 : 0}${voting ? 1 : 0}`;
      const key = `${node.id === tabStop ? 1 : 0}${saysSelected ? 1 : 0}${nameKey}`;
      const hit = cache.get(node);
      if (hit?.key === key) return hit.node;
      let name = names.get(node.data);
      if (name?.key !== nameKey) {
        name = { key: nameKey, name: kinds.label(node, context, { myDot, voting }) };
        names.set(node.data, name);
      }
      const next = {
        ...node,
        ariaLabel: name.name,
        domAttributes: {
          tabIndex: node.id === tabStop ? 0 : -1,
          'aria-roledescription': fixedText(context, `board.roleDescription.${node.type}`),
          'aria-describedby': saysSelected ? `${selectedId} ${hintId}` : hintId,
        },
      } as AppNode;
      cache.set(node, { key, node: next });
      return next;
    });
    return result;
  };
}
