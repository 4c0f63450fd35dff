import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * A note's Markdown, rendered safely: raw HTML stays text (react-markdown
 * never renders it), unsafe URLs such as `javascript:` are dropped by its
 * default URL transform, and links open without handing over the page.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="note-body space-y-2 break-words text-[0.95rem] leading-relaxed">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        components={{
          a: ({ href, children: text }) =>
            href ? (
              <a href={href} target="_blank" rel="noopener noreferrer nofollow ugc" className="text-[var(--accent)] underline">
                {text}
              </a>
            ) : (
              <span>{text}</span>
            ),
          img: ({ alt }) => <span>{alt ? `[image: ${alt}]` : "[image]"}</span>,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
