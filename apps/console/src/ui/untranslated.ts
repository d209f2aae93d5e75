/**
 * Marks an SVG element's text as not for translation (a country's code, say).
 * SVG elements have no `translate` property for Preact to set, so the
 * attribute is written as HTML reads it, once the element exists.
 */
export function untranslated(element: Element | null): void {
  element?.setAttribute('translate', 'no');
}
