import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A button that shows a form under it, and the form's own way back. The
 * page stays short until a participant chooses to act.
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
  return (
    <div class="disclosure">
      <button
        type="button"
        class="secondary"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open ? <div id={id}>{children(() => setOpen(false))}</div> : null}
    </div>
  );
}
