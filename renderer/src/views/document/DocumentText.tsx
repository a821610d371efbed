/**
 * The document's text, held by Lexical: read-only, one paragraph node with one text node per
 * rendered line (see model.ts), selection enabled. Annotations are not Lexical nodes: they are
 * painted over this DOM with the CSS Custom Highlight API (highlights.ts), as DESIGN.md's
 * measurements recommend. When Lexical has rendered, `onReady` receives the DOM handles that the
 * painter and the selection mapping need.
 */
import { memo, useEffect } from 'react';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Paragraph } from './model';

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
    theme: { paragraph: 'pz-para' },
    onError(error: Error) {
      // Lexical errors are bugs of ours; surface them in the console with our prefix.
      console.error('[DocumentText]', error);
    },
    editorState() {
      const root = $getRoot();
      for (const p of paragraphs) {
        const paragraph = $createParagraphNode();
        paragraph.append($createTextNode(p.text));
        root.append(paragraph);
      }
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
  if (!root || root.children.length !== paragraphs.length) return null;
  const elements: HTMLElement[] = [];
  const textNodes: Text[] = [];
  const paragraphOf = new Map<Element, number>();
  const paragraphOfText = new Map<Node, number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const el = root.children[i] as HTMLElement;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text | null;
    if (!text || text.data !== paragraphs[i]!.text) return null;
    elements.push(el);
    textNodes.push(text);
    paragraphOf.set(el, i);
    paragraphOfText.set(text, i);
  }
  return { root, paragraphs, elements, textNodes, paragraphOf, paragraphOfText };
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
