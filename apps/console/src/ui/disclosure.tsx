import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

/**
 * A button that shows a form under it, and the form's own way back. The
 * page stays short until a participant chooses to act; closing the form
 * puts the keyboard back on the button.
 */
export function Disclosure({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: (close: () => void) => ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div class="disclosure">
      <button
        ref={button}
        type="button"
        class="secondary"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open ? <div id={id}>{children(close)}</div> : null}
    </div>
  );
}
