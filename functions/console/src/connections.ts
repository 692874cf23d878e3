// The Connections tab: every connection of the instance, in both directions, and one connection's page.
import { answer, api, type Connection, type ConnectionStatus, idempotencyKey } from "./api";
import { definitions, field, h, loading, show, text } from "./dom";
import { attempt, go } from "./main";

const STATUSES: ConnectionStatus[] = ["PENDING", "ACTIVE", "EXPIRED", "DECLINED", "DEACTIVATED"];
/** Connections a page of the tab shows; "Show more" follows the page's cursor. */
const PAGE = 25;
let filter: ConnectionStatus | "" = "";

/** This instance's side and the other one, as the admin names them. */
export function sides(connection: Connection) {
  const mine = connection.yourSide === "SOURCE" ? connection.source : connection.destination;
  const remote = connection.yourSide === "SOURCE" ? connection.destination : connection.source;
  return { mine, remote };
}

export async function connectionsTab(): Promise<void> {
  const display = loading();
  const page = await answer(api.GET("/v1/connections", {
    params: { query: { limit: PAGE, ...(filter ? { status: filter } : {}) } },
  }));
  const select = h("select", {
    onchange: (event: Event) => {
      filter = (event.target as HTMLSelectElement).value as ConnectionStatus | "";
      void go.connections();
    },
  }, h("option", { value: "" }, "All"), ...STATUSES.map((status) => h("option", { value: status }, status)));
  (select as HTMLSelectElement).value = filter;
  const body = h("tbody", {}, ...page.items.map(row));
  const more = h("div", { class: "actions" });
  const showMore = (cursor: string | null | undefined): void => {
    more.replaceChildren(cursor ? h("button", {
      type: "button", onclick: () => void attempt(async () => {
        const next = await answer(api.GET("/v1/connections", {
          params: { query: { limit: PAGE, cursor, ...(filter ? { status: filter } : {}) } },
        }));
        body.append(...next.items.map(row));
        showMore(next.next);
      }),
    }, "Show more") : "");
  };
  showMore(page.next);
  display(h("section", {},
    h("h2", {}, "Connections"),
    h("div", { class: "toolbar" }, field("Status", select),
      h("button", { type: "button", onclick: () => void go.connections() }, "Refresh"),
      h("button", { type: "button", class: "primary", onclick: () => void go.initiate() }, "Initiate connection"),
      h("button", { type: "button", onclick: () => void go.accept() }, "Accept invitation")),
    page.items.length === 0 ? h("p", { class: "note" }, filter ? `No ${filter} connections.` : "No connections yet.")
      : h("table", {}, h("thead", {}, h("tr", {}, ...["Name", "Status", "Mode", "Type", "Local", "Remote", ""]
        .map((title) => h("th", {}, title)))), body),
    more));
}

/** One row of the tab: the connection as this instance names its two sides. */
function row(connection: Connection): HTMLElement {
  const { mine, remote } = sides(connection);
  return h("tr", {},
    h("td", {}, connection.name),
    h("td", {}, h("span", { class: `status status-${connection.status}` }, connection.status)),
    h("td", {}, connection.mode),
    h("td", {}, connection.type),
    h("td", {}, mine.shortName),
    h("td", {}, remote.shortName),
    h("td", {}, h("button", {
      type: "button", "aria-label": `Open ${connection.name}`,
      onclick: () => void attempt(() => connectionPage(connection.id)),
    }, "Open")));
}

/**
 * One connection: its details, Go to remote, and what its status allows.
 *
 * @param display where the page goes once loaded: taken when the admin acted, so that a later click wins over an
 *                action still finishing
 */
export async function connectionPage(id: string, done?: string, display = loading()): Promise<void> {
  const { data, response } = await readConnection(id);
  const etag = response.headers.get("ETag") ?? "*";
  const { mine, remote } = sides(data);
  const call = (action: () => Promise<unknown>, message: string) => () => {
    const display = loading();
    void attempt(async () => { await action(); await connectionPage(id, message, display); });
  };
  const actions = h("div", { class: "actions" });
  if (remote.appUrl) {
    actions.append(h("a", { class: "button", href: remote.appUrl, target: "_blank", rel: "noopener" }, "Go to remote"));
  }
  if (data.status === "ACTIVE") {
    actions.append(h("button", { type: "button", onclick: call(() => answer(api.POST("/v1/connections/{id}/deactivate",
      { params: { path: { id }, header: { "Idempotency-Key": idempotencyKey() } } })), "Deactivated.") }, "Deactivate"));
  }
  if (data.status === "DEACTIVATED") {
    actions.append(h("button", { type: "button", onclick: call(() => answer(api.POST("/v1/connections/{id}/activate",
      { params: { path: { id }, header: { "Idempotency-Key": idempotencyKey() } } })), "Activated.") }, "Activate"));
  }
  actions.append(
    h("button", { type: "button", onclick: () => void attempt(() => rulesPage(id)) }, "Rules"),
    h("button", { type: "button", onclick: () => void attempt(async () => editPage(data, etag)) }, "Edit"),
    h("button", {
      type: "button", onclick: () => void attempt(async () => {
        if (!confirm(`Delete ${data.name}? Both sides lose it, with its rules.`)) {
          return;
        }
        await answer(api.DELETE("/v1/connections/{id}", { params: { path: { id } } }));
        await go.connections();
      }),
    }, "Delete"),
    h("button", { type: "button", onclick: () => void go.connections() }, "Back to Connections"));
  display(h("section", {},
    h("h2", {}, data.name),
    done ? h("p", { class: "done", role: "status" }, done) : null,
    definitions([
      ["Status", data.status], ["Mode", data.mode], ["Type", data.type], ["Description", data.description],
      ["Your side", `${mine.shortName} (${data.yourSide}) ${mine.url ?? ""}`],
      ["Remote side", `${remote.shortName} ${remote.url ?? "(no URL: a private side)"}`],
      ["Your project", mine.project], ["Invitation lapses", data.invitationExpiresAt],
    ]),
    actions));
}

async function readConnection(id: string): Promise<{ data: Connection; response: Response }> {
  const result = await api.GET("/v1/connections/{id}", { params: { path: { id } } });
  const data = await answer(Promise.resolve(result));
  return { data, response: result.response };
}

function editPage(connection: Connection, etag: string): void {
  const name = text("Connection name", connection.name);
  const description = h("textarea", {}) as HTMLTextAreaElement;
  description.value = connection.description ?? "";
  show(h("form", {
    onsubmit: (event: Event) => {
      event.preventDefault();
      void attempt(async () => {
        await answer(api.PATCH("/v1/connections/{id}", {
          params: { path: { id: connection.id }, header: { "If-Match": etag } },
          body: { name: name.input.value, description: description.value === "" ? null : description.value },
        }));
        await connectionPage(connection.id, "Saved.");
      });
    },
  }, h("h2", {}, `Edit ${connection.name}`), name.element, field("Description", description),
  h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Save"),
    h("button", { type: "button", onclick: () => void attempt(() => connectionPage(connection.id)) }, "Cancel"))));
}

async function rulesPage(id: string): Promise<void> {
  const display = loading();
  const rules = await answer(api.GET("/v1/connections/{id}/rules", { params: { path: { id } } }));
  const list = (title: string, items: typeof rules.outgoing) => h("div", {}, h("h3", {}, title),
    items.length === 0 ? h("p", { class: "note" }, "None.")
      : h("ul", {}, ...items.map((rule) => h("li", {}, `${rule.field}: ${rule.transform}`))));
  display(h("section", {}, h("h2", {}, `Rules (${rules.side}, version ${rules.version})`),
    list("Outgoing", rules.outgoing), list("Incoming", rules.incoming),
    h("div", { class: "actions" }, h("button", { type: "button", onclick: () => void attempt(() => connectionPage(id)) },
      "Back to the connection"))));
}
