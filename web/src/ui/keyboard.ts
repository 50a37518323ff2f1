/** What the keyboard shortcuts do. */
export interface KeyActions {
  undo(): void;
  focusSearch(): void;
  /** Both do nothing when nothing is selected. */
  removeSelected(): void;
  hideSelected(): void;
}

/**
 * Shortcuts, ignored while typing in a field or reading a source (a dialog has its own keys: Esc closes it):
 * Ctrl/⌘+Z undo, / search, Delete or Backspace remove the selection, H hide it.
 */
export function bindKeyboard(actions: KeyActions) {
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea, dialog') !== null) return;
    if (document.querySelector('dialog[open]')) return;
    const key = event.key.toLowerCase();
    const modified = event.ctrlKey || event.metaKey;
    if (modified && key === 'z') {
      event.preventDefault();
      actions.undo();
    } else if (event.key === '/') {
      event.preventDefault();
      actions.focusSearch();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      actions.removeSelected();
    } else if (key === 'h' && !modified) {
      actions.hideSelected();
    }
  });
}
