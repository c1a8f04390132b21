/**
 * A ref callback factory: sizes an element to the window height below where it starts (the
 * header's height varies with theme and language), never below `minHeight`, kept up to date on
 * resize. Create it once at module level so React sees a stable ref.
 */
export function fillWindow(minHeight: number) {
  return (element: HTMLElement | null) => {
    if (!element) return;
    const update = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      // Leave <main>'s bottom padding (a board page's is smaller than other pages').
      const main = element.closest('main');
      const bottom = main ? Number.parseFloat(getComputedStyle(main).paddingBottom) || 0 : 24;
      element.style.height = `${Math.max(minHeight, window.innerHeight - top - bottom)}px`;
    };
    update();
    window.addEventListener('resize', update);
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => {
      window.removeEventListener('resize', update);
      observer.disconnect();
    };
  };
}
