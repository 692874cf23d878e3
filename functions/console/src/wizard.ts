// Initiate connection: the destination (or "I don't have a URL"), the modes on offer with the reason for each
// one that is not, the connection's information, then the invitation code or the admin-access link to hand on.
import { answer, api, idempotencyKey, type Mode, type Schemas } from "./api";
import { field, h, show, text, copy, definitions } from "./dom";
import { connectionPage } from "./connections";
import { attempt, go } from "./main";

export function initiateConnection(): void {
  const url = h("input", { type: "url", placeholder: "https://acme.zendesk.com" }) as HTMLInputElement;
  const noUrl = h("input", { type: "checkbox", id: "no-url" }) as HTMLInputElement;
  noUrl.addEventListener("change", () => { url.disabled = noUrl.checked; });
  show(h("form", {
    onsubmit: (event: Event) => {
      event.preventDefault();
      void attempt(async () => {
        const check = await answer(api.GET("/v1/destinations", {
          params: { query: noUrl.checked ? { private: true } : { url: url.value.trim() } },
        }));
        connectionInformation(check);
      });
    },
  }, h("h2", {}, "Initiate connection"),
  field("Destination instance URL", url, "The other helpdesk's address; your own for two of your projects."),
  h("p", {}, noUrl, " ", h("label", { for: "no-url", class: "inline" }, "I don't have a URL"),
    h("small", { class: "note" }, " (the destination sits in a closed network and will accept from there)")),
  h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Next"),
    h("button", { type: "button", onclick: () => void go.connections() }, "Cancel"))));
}

function connectionInformation(check: Schemas["DestinationCheck"]): void {
  let chosen: Mode | null = null;
  const adminAccess = h("input", { type: "checkbox", id: "admin-access", disabled: true }) as HTMLInputElement;
  const modes = h("ul", { class: "modes" }, ...check.modes.map((offer) => {
    const radio = h("input", { type: "radio", name: "mode", id: `mode-${offer.mode}`, value: offer.mode,
      disabled: !offer.offered }) as HTMLInputElement;
    radio.addEventListener("change", () => {
      chosen = offer.mode;
      adminAccess.disabled = !(check.adminAccessOffered && offer.mode === "BASIC");
      adminAccess.checked = adminAccess.checked && !adminAccess.disabled;
    });
    return h("li", {}, radio, " ", h("label", { for: radio.id, class: "inline" }, title(offer.mode)),
      offer.reason ? h("span", { class: "reason" }, offer.reason) : null);
  }));
  const local = text("Local short name");
  const remote = text("Remote short name");
  const name = text("Connection name", "", { placeholder: "<local>_to_<remote> when left empty" });
  const description = h("textarea", {}) as HTMLTextAreaElement;
  const project = text("Project", "", { placeholder: "Where items from the other side go" });
  show(h("form", {
    onsubmit: (event: Event) => {
      event.preventDefault();
      void attempt(async () => {
        if (!chosen) {
          throw new Error("Pick a configuration mode.");
        }
        const initiated = await answer(api.POST("/v1/connections", {
          params: { header: { "Idempotency-Key": idempotencyKey() } },
          body: {
            destination: check.url ? { url: check.url } : { private: true },
            mode: chosen, localShortName: local.input.value, remoteShortName: remote.input.value,
            ...(name.input.value.trim() ? { name: name.input.value } : {}),
            ...(description.value ? { description: description.value } : {}),
            project: project.input.value, ...(adminAccess.checked ? { adminAccess: true } : {}),
          },
        }));
        showInitiated(initiated as Schemas["Initiation"] | Schemas["AdminAccessInitiation"]);
      });
    },
  }, h("h2", {}, "Initiate connection"),
  definitions([["Destination", check.url ?? "No URL: a private destination"], ["Type", check.type],
    ["Platform", check.platform], ["Registered", check.registered ? "yes" : "not yet"]]),
  h("h3", {}, "Configuration mode"), modes,
  h("p", {}, adminAccess, " ", h("label", { for: "admin-access", class: "inline" },
    "I am an admin on the destination too (admin access, Basic only)")),
  h("h3", {}, "Connection information"), local.element, remote.element, name.element,
  field("Description", description), project.element,
  h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Initiate"),
    h("button", { type: "button", onclick: () => void go.connections() }, "Cancel"))));
}

function title(mode: Mode): string {
  return { BASIC: "Basic", VISUAL: "Visual", SCRIPT: "Script" }[mode];
}

function showInitiated(initiated: Schemas["Initiation"] | Schemas["AdminAccessInitiation"]): void {
  const connection = initiated.connection;
  const handOn = "invitation" in initiated
    ? { label: "Invitation code", value: initiated.invitation.code, button: "Copy invitation code",
      note: `Hand it to the destination's admin; it works once, until ${initiated.invitation.expiresAt}.` }
    : { label: "Admin-access link", value: initiated.confirmUrl, button: "Copy admin-access link",
      note: "Open it as the destination's admin within 15 minutes to confirm." };
  const secret = h("input", { type: "text", readonly: true, class: "secret" }) as HTMLInputElement;
  secret.value = handOn.value;
  const copied = h("span", { role: "status", class: "done" });
  const remote = "confirmUrl" in initiated ? initiated.confirmUrl
    : (connection.yourSide === "SOURCE" ? connection.destination : connection.source).appUrl;
  show(h("section", {}, h("h2", {}, `${connection.name} is initiated`),
    h("p", {}, `Status: ${connection.status}. ${handOn.note}`),
    field(handOn.label, secret),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "primary", onclick: () => void copy(secret).then(() => {
        copied.textContent = "Copied.";
      }) }, handOn.button), copied,
      remote ? h("a", { class: "button", href: remote, target: "_blank", rel: "noopener" }, "Go to remote") : null,
      h("button", { type: "button", onclick: () => void attempt(() => connectionPage(connection.id)) }, "Open"),
      h("button", { type: "button", onclick: () => void go.connections() }, "Done"))));
}
