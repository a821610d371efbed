/**
 * The document's text, held by Lexical: read-only, one `<p>` with one text node per rendered
 * line (see model.ts), grouped into blocks of consecutive paragraphs, one Lexical node each
 * (TextBlockNode.ts, also the unit that `content-visibility` skips off screen), selection
 * enabled. Annotations are not Lexical nodes: they are painted over this DOM with the CSS Custom
 * Highlight API (highlights.ts), as DESIGN.md's measurements recommend. When Lexical has
 * rendered, `onReady` receives the DOM handles that the painter and the selection mapping need.
 */
import { memo, useEffect } from 'react';
import { $getRoot, type LexicalEditor } from 'lexical';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { textBlocks, type Paragraph } from './model';
import { $createTextBlockNode, TextBlockNode } from './TextBlockNode';

/** DOM handles of the rendered text, index-aligned with the paragraphs. */
export interface TextDom {
  root: HTMLElement;
  paragraphs: readonly Paragraph[];
  elements: HTMLElement[];
  textNodes: Text[];
  /** Paragraph index of an element that is a paragraph. */
  paragraphOf: Map<Element, number>;
  /** Paragraph index of each paragraph's text node. */
  paragraphOfText: Map<Node, number>;
  /**
   * The blocks (the root's children but Lexical's anchors), each holding the paragraphs
   * blockStart[b]..blockStart[b + 1] - 1.
   */
  blocks: HTMLElement[];
  /** First paragraph of each block, and the paragraph count at the end (blocks.length + 1 entries). */
  blockStart: number[];
  /** Block index of an element that is a block. */
  blockOf: Map<Element, number>;
}

interface Props {
  documentId: string;
  paragraphs: readonly Paragraph[];
  label: string;
  onReady: (dom: TextDom) => void;
}

/**
 * Memoised: its props change only with the document or the script view, so coding (which
 * re-renders the document view on every key press) does not re-render Lexical's components.
 */
export const DocumentText = memo(function DocumentText({ documentId, paragraphs, label, onReady }: Props) {
  const initialConfig = {
    namespace: `pizhu-document-${documentId}`,
    editable: false,
    nodes: [TextBlockNode],
    onError(error: Error) {
      // Lexical errors are bugs of ours; surface them in the console with our prefix.
      console.error('[DocumentText]', error);
    },
    editorState() {
      const root = $getRoot();
      let next = 0;
      const blocks = [];
      for (const count of textBlocks(paragraphs)) {
        blocks.push($createTextBlockNode(paragraphs.slice(next, next + count).map((p) => p.text)));
        next += count;
      }
      root.append(...blocks);
    },
  };
  return (
    <LexicalComposer key={documentId} initialConfig={initialConfig}>
      <PlainTextPlugin
        contentEditable={
          <ContentEditable className="pz-doc-text" aria-label={label} lang="zh" spellCheck={false} />
        }
        placeholder={null}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <ReadyPlugin paragraphs={paragraphs} onReady={onReady} />
    </LexicalComposer>
  );
});

function collect(editor: LexicalEditor, paragraphs: readonly Paragraph[]): TextDom | null {
  const root = editor.getRootElement();
  if (!root) return null;
  const elements: HTMLElement[] = [];
  const textNodes: Text[] = [];
  const paragraphOf = new Map<Element, number>();
  const paragraphOfText = new Map<Node, number>();
  const blocks: HTMLElement[] = [];
  const blockStart: number[] = [];
  const blockOf = new Map<Element, number>();
  for (const block of root.children) {
    // Lexical puts a zero-size anchor before the first and after the last block (decorators).
    if (!block.classList.contains('pz-block')) continue;
    blockOf.set(block, blocks.length);
    blocks.push(block as HTMLElement);
    blockStart.push(elements.length);
    for (const el of block.children) {
      const i = elements.length;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const text = walker.nextNode() as Text | null;
      if (i >= paragraphs.length || !text || text.data !== paragraphs[i]!.text) return null;
      elements.push(el as HTMLElement);
      textNodes.push(text);
      paragraphOf.set(el, i);
      paragraphOfText.set(text, i);
    }
  }
  if (elements.length !== paragraphs.length) return null;
  blockStart.push(elements.length);
  return { root, paragraphs, elements, textNodes, paragraphOf, paragraphOfText, blocks, blockStart, blockOf };
}

function ReadyPlugin({
  paragraphs,
  onReady,
}: {
  paragraphs: readonly Paragraph[];
  onReady: (dom: TextDom) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let done = false;
    const tryCollect = () => {
      if (done) return;
      const dom = collect(editor, paragraphs);
      if (dom) {
        done = true;
        onReady(dom);
      }
    };
    const unregister = editor.registerUpdateListener(tryCollect);
    tryCollect();
    return () => {
      done = true;
      unregister();
    };
  }, [editor, paragraphs, onReady]);
  return null;
}
