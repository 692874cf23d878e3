// Accept invitation: paste the code (or the admin-access link that carries it), look at what it is for before
// answering, pick the project for incoming items, then Confirm, or Decline.
import { answer, api, idempotencyKey, type Schemas } from "./api";
import { definitions, h, show, text } from "./dom";
import { connectionPage } from "./connections";
import { attempt, go } from "./main";

/** A code as pasted: the code itself, or an admin-access link whose last segment is the code. */
function codeIn(pasted: string): string {
  const trimmed = pasted.trim();
  const confirm = trimmed.lastIndexOf("/confirm/");
  return confirm >= 0 ? trimmed.substring(confirm + "/confirm/".length) : trimmed;
}

export function acceptInvitation(): void {
  const code = text("Invitation code", "", { autocomplete: "off", placeholder: "cbi_... or the admin-access link" });
  show(h("form", {
    onsubmit: (event: Event) => {
      event.preventDefault();
      void attempt(async () => {
        const pasted = codeIn(code.input.value);
        const preview = await answer(api.POST("/v1/invitations/preview", { body: { code: pasted } }));
        decide(pasted, preview);
      });
    },
  }, h("h2", {}, "Accept invitation"),
  h("p", { class: "note" }, "Paste the code the other side's admin gave you."), code.element,
  h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Look at the invitation"),
    h("button", { type: "button", onclick: () => void go.connections() }, "Cancel"))));
}

function decide(code: string, preview: Schemas["InvitationPreview"]): void {
  const project = text("Project", "", { placeholder: "Where items from the other side go" });
  const offered = preview.offeredModes.includes(preview.mode);
  show(h("form", {
    onsubmit: (event: Event) => {
      event.preventDefault();
      void attempt(async () => {
        const accepted = await answer(api.POST("/v1/invitations/accept", {
          params: { header: { "Idempotency-Key": idempotencyKey() } },
          body: { code, project: project.input.value },
        }));
        await connectionPage(accepted.connection.id, "Accepted: the connection is active.");
      });
    },
  }, h("h2", {}, `Invitation from ${preview.source.shortName}`),
  definitions([
    ["From", `${preview.source.shortName} · ${preview.source.url} · ${preview.source.platform}`],
    ["Your short name", preview.yourShortName], ["Connection", preview.name], ["Description", preview.description],
    ["Type", preview.type], ["Mode", preview.mode], ["Code lapses", preview.expiresAt],
  ]),
  offered ? null : h("p", { class: "reason" },
    `Your platform offers ${preview.offeredModes.join(", ")}, not ${preview.mode}: ask for another invitation.`),
  project.element,
  h("div", { class: "actions" },
    h("button", { type: "submit", class: "primary", disabled: !offered }, "Confirm"),
    h("button", {
      type: "button", onclick: () => void attempt(async () => {
        await answer(api.POST("/v1/invitations/decline", {
          params: { header: { "Idempotency-Key": idempotencyKey() } }, body: { code },
        }));
        show(h("section", {}, h("h2", {}, "Invitation declined"),
          h("p", { class: "done", role: "status" }, `${preview.source.shortName} sees the connection DECLINED.`),
          h("button", { type: "button", onclick: () => void go.connections() }, "Back to Connections")));
      }),
    }, "Decline"),
    h("button", { type: "button", onclick: () => void go.connections() }, "Cancel"))));
}
