/**
 * A block of consecutive paragraphs in the document text: one Lexical node (`pz-text-block`) that
 * renders `<div class="pz-block">` holding one `<p class="pz-para">` per paragraph, each holding
 * its text as one text node. The text is only read, so the paragraphs need no Lexical node of
 * their own: 3,000 paragraphs are about 100 Lexical nodes instead of 6,100 (Lexical's part of
 * opening a 300,000-character document fell from ~220 to ~100 ms; docs/benchmarks.md).
 * Selection inside a block is the browser's (the node is a decorator whose DOM Lexical leaves
 * alone); dom.ts maps it to text offsets.
 *
 * Blocks carry `content-visibility: auto` instead of every paragraph (styles.css; model.ts
 * `textBlocks` says which paragraphs go together): Chromium re-checks every such element against
 * the viewport after each change to the page, so 3,000 of them cost several milliseconds in the
 * frame of every key press; a hundred blocks cost almost nothing. Until a block has been rendered
 * once, its size is estimated from its paragraph count.
 */
import { $applyNodeReplacement, $getDocument, DecoratorNode } from 'lexical';

/** Estimated height of one paragraph not rendered yet (as `.pz-para` was estimated before blocks). */
const PARAGRAPH_ESTIMATE_EM = 3.9;

export class TextBlockNode extends DecoratorNode<null> {
  /** The paragraphs' texts, in order (never changed: the document text is read-only). */
  __texts: readonly string[] = [];

  /** @internal */
  override $config() {
    return this.config('pz-text-block', { extends: DecoratorNode });
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__texts = prevNode.__texts;
  }

  override createDOM(): HTMLElement {
    const doc = $getDocument();
    const div = doc.createElement('div');
    div.className = 'pz-block';
    div.dir = 'auto';
    const texts = this.__texts;
    div.style.containIntrinsicSize = `auto ${(texts.length * PARAGRAPH_ESTIMATE_EM).toFixed(1)}em`;
    for (const text of texts) {
      const p = doc.createElement('p');
      p.className = 'pz-para';
      p.append(text);
      div.append(p);
    }
    return div;
  }

  override updateDOM(): boolean {
    return false;
  }

  override decorate(): null {
    return null;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return this.__texts.join('\n');
  }
}

export function $createTextBlockNode(texts: readonly string[]): TextBlockNode {
  const node = $applyNodeReplacement(new TextBlockNode());
  node.__texts = texts;
  return node;
}
