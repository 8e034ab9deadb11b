/**
 * The slice of the DOM that extraction uses. linkedom ships types that refer to the
 * browser `lib.dom`, which this Node project does not load, so they arrive as `any`;
 * these interfaces keep the walking code typed.
 * @module
 */

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly children: ArrayLike<DomElement>;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const elementNode = 1;
export const textNode = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === elementNode;
}
