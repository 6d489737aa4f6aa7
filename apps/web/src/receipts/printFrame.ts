/**
 * The print page split for a frame under the app's CSP: `style-src 'self'` (a srcdoc frame inherits
 * it) refuses the page's inline <style>, so the stylesheet is taken out of the HTML and given to the
 * frame as a constructed stylesheet, which CSP does not govern (like styles React sets).
 */
export function splitPrintHtml(html: string): { html: string; css: string } {
  const css: string[] = [];
  const rest = html.replace(/<style>([\s\S]*?)<\/style>/g, (_whole, sheet: string) => {
    css.push(sheet);
    return '';
  });
  return { html: rest, css: css.join('\n') };
}

/** Gives the frame's document the print stylesheet (a sheet made in the frame's own window, as adopting requires). */
export function adoptPrintStyles(frame: HTMLIFrameElement, css: string): void {
  const view = frame.contentWindow as (Window & typeof globalThis) | null;
  const document = frame.contentDocument;
  if (!view || !document) return;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [sheet];
}
