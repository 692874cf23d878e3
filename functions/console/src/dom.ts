// Small DOM helpers: every text goes in as text, never as HTML, so nothing the API returns can inject markup.

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | ((event: Event) => void)>;

export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === "function") {
      element.addEventListener(name.replace(/^on/, "").toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else if (value !== false) {
      element.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

/** A labelled input: the label names it for screen readers and for the browser tests alike. */
export function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  const id = `f-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  input.id = id;
  return h("div", {}, h("label", { for: id }, label), input, hint ? h("small", { class: "note" }, hint) : null);
}

export function text(label: string, value = "", attributes: Attributes = {}): { element: HTMLElement; input: HTMLInputElement } {
  const input = h("input", { type: "text", ...attributes }) as HTMLInputElement;
  input.value = value;
  return { element: field(label, input), input };
}

let shown = 0;

/** Shows a screen at once: any screen still loading is then dropped when it arrives. */
export function show(screen: HTMLElement): void {
  shown += 1;
  document.getElementById("app")!.replaceChildren(screen);
}

/**
 * Starts loading a screen; what it shows once loaded is dropped if the admin went elsewhere meanwhile, so a
 * slow answer never replaces a later screen (the last screen asked for wins).
 */
export function loading(): (screen: HTMLElement) => void {
  const asked = ++shown;
  return (screen) => {
    if (asked === shown) {
      show(screen);
    }
  };
}

/** Shows a refusal's detail where the admin sees it (role=alert), or clears it. */
export function problem(detail: string | null): void {
  const box = document.getElementById("problem")!;
  box.textContent = detail ?? "";
  box.hidden = detail === null;
}

export function definitions(rows: [string, string | null | undefined][]): HTMLElement {
  const list = h("dl");
  for (const [term, value] of rows) {
    list.append(h("dt", {}, term), h("dd", {}, value ?? "—"));
  }
  return list;
}

/** Copies text, with a fallback for browsers that keep the clipboard API from this page. */
export async function copy(input: HTMLInputElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    input.select();
    document.execCommand("copy");
  }
}
