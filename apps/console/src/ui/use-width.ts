import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The width of the element in CSS pixels, followed as it changes. Figures are
 * drawn one unit to a pixel of it, so their text keeps the page's size from a
 * phone to a desktop.
 */
export function useWidth(initial = 640): [ref: { current: HTMLElement | null }, width: number] {
  const ref = useRef<HTMLElement | null>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined && entry.contentRect.width > 0) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
