// The reference console: the Connections tab and the seeds' wizard for one instance, as its admin sees them.
import { answer, api, apiKey, Refused } from "./api";
import { connectionsTab } from "./connections";
import { field, h, problem, show } from "./dom";
import { acceptInvitation } from "./invitation";
import { initiateConnection } from "./wizard";

/** Runs a step of a screen: a refusal shows its detail, and the screen stays as it was. */
export async function attempt(step: () => Promise<void>): Promise<void> {
  problem(null);
  try {
    await step();
  } catch (refused) {
    if (refused instanceof Refused && refused.status === 401) {
      apiKey.forget();
      signIn(refused.message);
      return;
    }
    problem(refused instanceof Error ? refused.message : String(refused));
  }
}

export const go = {
  connections: (): Promise<void> => attempt(() => connectionsTab()),
  initiate: (): Promise<void> => attempt(async () => initiateConnection()),
  accept: (): Promise<void> => attempt(async () => acceptInvitation()),
};

function signIn(why?: string): void {
  document.getElementById("nav")!.hidden = true;
  document.getElementById("instance")!.textContent = "";
  const key = h("input", { type: "password", autocomplete: "off", required: true }) as HTMLInputElement;
  const form = h("form", {
    onsubmit: (event: Event) => {
      event.preventDefault();
      apiKey.set(key.value.trim());
      void attempt(start);
    },
  }, h("h2", {}, "Sign in"),
  h("p", { class: "note" }, "The API key your helpdesk app got when it registered. It is kept in this tab only."),
  field("API key", key), h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Sign in")));
  show(form);
  problem(why ?? null);
}

async function start(): Promise<void> {
  const me = await answer(api.GET("/v1/instances/me"));
  document.getElementById("instance")!.textContent =
    `${me.instance.url} · ${me.instance.platform} · ${me.instance.license}`;
  document.getElementById("nav")!.hidden = false;
  await connectionsTab();
}

document.getElementById("nav")!.addEventListener("click", (event) => {
  const target = (event.target as HTMLElement).closest("[data-go]");
  const where = target?.getAttribute("data-go");
  if (where === "sign-out") {
    apiKey.forget();
    signIn();
  } else if (where === "connections" || where === "initiate" || where === "accept") {
    void go[where]();
  }
});

if (apiKey.get()) {
  void attempt(start);
} else {
  signIn();
}
