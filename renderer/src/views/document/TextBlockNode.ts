/**
 * A block of consecutive paragraphs in the document text (Lexical node `pz-text-block`, a
 * `<div class="pz-block">`). Blocks carry `content-visibility: auto` instead of every paragraph
 * (styles.css; model.ts `textBlocks` says which paragraphs go together): Chromium re-checks every
 * such element against the viewport after each change to the page, so 3,000 of them cost several
 * milliseconds in the frame of every key press; a hundred blocks cost almost nothing. Until a
 * block has been rendered once, its size is estimated from its paragraph count.
 */
import { $applyNodeReplacement, $getDocument, ElementNode } from 'lexical';

/** Estimated height of one paragraph not rendered yet (as `.pz-para` was estimated before blocks). */
const PARAGRAPH_ESTIMATE_EM = 3.9;

export class TextBlockNode extends ElementNode {
  /** @internal */
  override $config() {
    return this.config('pz-text-block', { extends: ElementNode });
  }

  override createDOM(): HTMLElement {
    const div = $getDocument().createElement('div');
    div.className = 'pz-block';
    const estimate = this.getChildrenSize() * PARAGRAPH_ESTIMATE_EM;
    div.style.containIntrinsicSize = `auto ${estimate.toFixed(1)}em`;
    return div;
  }

  override updateDOM(): boolean {
    return false;
  }
}

export function $createTextBlockNode(): TextBlockNode {
  return $applyNodeReplacement(new TextBlockNode());
}
