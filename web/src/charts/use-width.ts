/** The measured width of a chart's container, so charts lay out in CSS pixels and keep their labels readable. */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** A ref for the container and its content width in CSS pixels (`fallback` until measured), updated on resize. */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const next = Math.floor(el.clientWidth);
      if (next > 0) setWidth(next);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
