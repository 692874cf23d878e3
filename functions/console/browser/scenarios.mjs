// The seeds' scenarios, end to end in a real browser: Debian's chromium driven by playwright-core (which never
// downloads a browser), against the local API and the console it serves. Each admin has a browser context of
// its own, as two people on two machines would. Every screen is saved as a screenshot under SCREENSHOTS.
//
// node scenarios.mjs <scenario>   with BASE_URL, SCREENSHOTS, CHROMIUM and NODE_PATH (the console's installed
// tools) set; ConsoleBrowserTest does it.
import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";

// From the one pinned install (an ES module ignores NODE_PATH, so it is asked for there by name).
const { chromium } = createRequire(join(process.env.NODE_PATH, "scenarios.cjs"))("playwright-core");

const base = process.env.BASE_URL;
const shots = process.env.SCREENSHOTS;
const scenario = process.argv[2];
mkdirSync(shots, { recursive: true });

function check(condition, what) {
  if (!condition) {
    throw new Error(`${scenario}: ${what}`);
  }
}

/** An instance registered through the API, as its helpdesk app does once (the local stand-in confirms the admin). */
async function register(platform, isPublic = true) {
  const host = { ZENDESK: "zendesk.com", FRESHDESK: "freshdesk.com", FRESHSERVICE: "freshservice.com" }[platform];
  const url = `https://${platform.toLowerCase()}-${randomUUID().slice(0, 8)}.${host}`;
  const response = await fetch(`${base}/v1/instances`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ url, public: isPublic, proof: { kind: "OAUTH", accessToken: "local-admin" } }),
  });
  check(response.status === 201, `registering ${url} answered ${response.status}`);
  return { url, key: (await response.json()).apiKey };
}

let shot = 0;
async function screen(page, name) {
  shot += 1;
  await page.screenshot({ path: `${shots}/${String(shot).padStart(2, "0")}-${name}.png`, fullPage: true });
}

/** One admin's console, signed in with its instance's key. */
async function admin(browser, instance) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const page = await context.newPage();
  page.on("pageerror", (error) => { throw new Error(`${scenario}: the console failed: ${error.message}`); });
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto(`${base}/console/`);
  await page.getByLabel("API key").fill(instance.key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Connections", level: 2 }).waitFor();
  check((await page.locator("#instance").textContent()).includes(instance.url), "the header names the instance");
  return page;
}

/** The wizard up to the answer: destination, modes on offer, connection information, Initiate. */
async function initiate(page, { url, mode, adminAccess = false, local, remote, name }) {
  await page.getByRole("button", { name: "Initiate connection" }).first().click();
  if (url) {
    await page.getByLabel("Destination instance URL").fill(url);
  } else {
    await page.getByLabel("I don't have a URL").check();
  }
  await screen(page, "initiate-destination");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("heading", { name: "Configuration mode" }).waitFor();
  const title = { BASIC: "Basic", VISUAL: "Visual", SCRIPT: "Script" }[mode];
  await page.getByLabel(title, { exact: true }).check();
  if (adminAccess) {
    await page.getByLabel(/admin access/).check();
  }
  await page.getByLabel("Local short name").fill(local);
  await page.getByLabel("Remote short name").fill(remote);
  await page.getByLabel("Connection name").fill(name);
  await page.getByLabel("Description").fill(`${name}: tickets both ways`);
  await page.getByLabel("Project").fill("SUPPORT");
  await screen(page, "initiate-information");
  await page.getByRole("button", { name: "Initiate", exact: true }).click();
  await page.getByRole("heading", { name: `${name} is initiated` }).waitFor();
  await page.getByRole("button", { name: /^Copy / }).click();
  await page.getByText("Copied.", { exact: true }).waitFor();
  await screen(page, "initiated");
  const handed = await page.locator("input.secret").inputValue();
  await page.getByRole("button", { name: "Done" }).click();
  return handed;
}

/** Accept invitation: paste, look at the preview, pick the project, Confirm. */
async function accept(page, code, { from, mode }) {
  await page.getByRole("button", { name: "Accept invitation" }).first().click();
  await page.getByLabel("Invitation code").fill(code);
  await page.getByRole("button", { name: "Look at the invitation" }).click();
  await page.getByRole("heading", { name: `Invitation from ${from}` }).waitFor();
  check(await page.getByText(mode, { exact: true }).isVisible(), "the preview shows the mode");
  await screen(page, "accept-preview");
  await page.getByLabel("Project").fill("HELP");
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.getByText("Accepted: the connection is active.", { exact: true }).waitFor();
  await screen(page, "accepted");
}

/** The Connections tab shows the connection with its status, filtered and refreshed. */
async function listed(page, name, status) {
  await page.getByRole("button", { name: "Connections", exact: true }).click();
  await page.getByLabel("Status").selectOption(status);
  // The tab re-renders when the filter changes: wait for the row as the filtered list shows it.
  const row = page.getByRole("row").filter({ hasText: name }).filter({ hasText: status });
  await row.waitFor();
  check(await page.getByRole("row").count() === 2, `only ${name} is ${status}: a header row and its own`);
  await page.getByRole("button", { name: "Refresh" }).click();
  await row.waitFor();
  await screen(page, "connections-tab");
  return row;
}

async function both({ sourcePlatform, destinationPlatform, mode, privately = false, adminAccess = false }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const pages = [];
  try {
    const from = await register(sourcePlatform);
    const to = await register(destinationPlatform, !privately);
    const initiator = await admin(browser, from);
    const invited = await admin(browser, to);
    pages.push(initiator, invited);
    const name = `${scenario} ${randomUUID().slice(0, 4)}`;
    const handed = await initiate(initiator, { url: privately ? null : to.url, mode, adminAccess,
      local: "src", remote: "dst", name });
    if (adminAccess) {
      check(handed.startsWith(`${to.url}/`) && handed.includes("/confirm/"), "the admin-access link is in the destination's app");
    } else {
      check(handed.startsWith("cbi_"), "an invitation code to hand over");
    }
    await listed(initiator, name, "PENDING");
    await accept(invited, handed, { from: "src", mode });
    const row = await listed(initiator, name, "ACTIVE");
    await row.getByRole("button", { name: `Open ${name}` }).click();
    await initiator.getByRole("heading", { name }).waitFor();
    const remote = initiator.getByRole("link", { name: "Go to remote" });
    check(privately ? await remote.count() === 0 : (await remote.getAttribute("href")).startsWith(`${to.url}/`),
      "Go to remote leads to the other side's app, and a private side has none");
    await screen(initiator, "connection");
    await initiator.getByRole("button", { name: "Deactivate" }).click();
    await initiator.getByText("Deactivated.", { exact: true }).waitFor();
    await initiator.getByRole("button", { name: "Activate" }).click();
    await initiator.getByText("Activated.", { exact: true }).waitFor();
    await initiator.getByRole("button", { name: "Rules" }).click();
    await initiator.getByRole("heading", { name: /^Rules \(/ }).waitFor();
    await screen(initiator, "rules");
    await (await listed(invited, name, "ACTIVE")).getByRole("button", { name: `Open ${name}` }).click();
    // Either side edits the connection's name, from the read its page made (If-Match).
    await invited.getByRole("button", { name: "Edit" }).click();
    await invited.getByLabel("Connection name").fill(`${name} (renamed)`);
    await invited.getByRole("button", { name: "Save" }).click();
    await invited.getByText("Saved.", { exact: true }).waitFor();
    await invited.getByRole("heading", { name: `${name} (renamed)` }).waitFor();
    await invited.getByRole("button", { name: "Rules" }).click();
    await invited.getByRole("heading", { name: /^Rules \(/ }).waitFor();
    await screen(invited, "rules-other-side");
    await initiator.getByRole("button", { name: "Back to the connection" }).click();
    await initiator.getByRole("heading", { name: `${name} (renamed)` }).waitFor();
    await initiator.getByRole("button", { name: "Delete" }).click();
    await initiator.getByRole("heading", { name: "Connections", level: 2 }).waitFor();
    check(await initiator.getByRole("row").filter({ hasText: name }).count() === 0, "deleted");
    await invited.getByRole("button", { name: "Connections", exact: true }).click();
    await invited.getByRole("heading", { name: "Connections", level: 2 }).waitFor();
    check(await invited.getByRole("row").filter({ hasText: name }).count() === 0, "gone for the other side too");
  } catch (failure) {
    // What each admin saw when it failed.
    for (const [index, page] of pages.entries()) {
      await screen(page, `failed-${index === 0 ? "initiator" : "invited"}`).catch(() => {});
    }
    throw failure;
  } finally {
    await browser.close();
  }
}

/** The invited admin looks at the invitation and declines it; the initiator sees the connection DECLINED. */
async function decline() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const from = await register("ZENDESK");
    const to = await register("FRESHDESK");
    const initiator = await admin(browser, from);
    const invited = await admin(browser, to);
    const name = `declined ${randomUUID().slice(0, 4)}`;
    const code = await initiate(initiator, { url: to.url, mode: "BASIC", local: "src", remote: "dst", name });
    await invited.getByRole("button", { name: "Accept invitation" }).first().click();
    await invited.getByLabel("Invitation code").fill(code);
    await invited.getByRole("button", { name: "Look at the invitation" }).click();
    await invited.getByRole("heading", { name: "Invitation from src" }).waitFor();
    await invited.getByRole("button", { name: "Decline" }).click();
    await invited.getByRole("heading", { name: "Invitation declined" }).waitFor();
    await screen(invited, "declined");
    await listed(initiator, name, "DECLINED");
  } finally {
    await browser.close();
  }
}

/** The tab shows a page at a time, newest first, and "Show more" follows the cursor to the end. */
async function manyConnections() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const instance = await register("ZENDESK");
    for (let i = 0; i < 30; i++) {
      const response = await fetch(`${base}/v1/connections`, {
        method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${instance.key}` },
        body: JSON.stringify({ destination: { private: true }, mode: "BASIC", localShortName: "src",
          remoteShortName: `dst${i}`, name: `connection ${String(i).padStart(2, "0")}`, project: "SUPPORT" }),
      });
      check(response.status === 201, `initiating answered ${response.status}`);
    }
    const page = await admin(browser, instance);
    await page.getByRole("button", { name: "Show more" }).waitFor();
    check(await page.getByRole("row").count() === 26, "a page of 25 under the header");
    await page.getByRole("button", { name: "Show more" }).click();
    await page.getByRole("row").nth(30).waitFor();
    const names = await page.locator("tbody tr td:first-child").allTextContents();
    check(names.length === 30 && new Set(names).size === 30, "all 30, each once");
    check(names[0] === "connection 29" && names[29] === "connection 00", "newest first");
    check(await page.getByRole("button", { name: "Show more" }).count() === 0, "nothing more to show");
    await screen(page, "connections-tab-many");
  } finally {
    await browser.close();
  }
}

/** A refusal reaches the admin as the problem's detail. */
async function refusal() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await admin(browser, await register("ZENDESK"));
    await page.getByRole("button", { name: "Initiate connection" }).first().click();
    await page.getByLabel("Destination instance URL").fill("https://example.com");
    await page.getByRole("button", { name: "Next" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    check((await alert.textContent()).includes("helpdesk platform"), "the 422's detail is shown");
    await screen(page, "refusal");
    await page.getByRole("button", { name: "Accept invitation" }).first().click();
    await page.getByLabel("Invitation code").fill("cbi_htwz7eaays78wcga_4h0wqp26wd4ggc11934cfb34z6bk1tev2pw4drg");
    await page.getByRole("button", { name: "Look at the invitation" }).click();
    await page.getByRole("alert").filter({ hasText: /code/ }).waitFor();
    await screen(page, "refusal-code");
  } finally {
    await browser.close();
  }
}

const scenarios = {
  "private-script-from-zendesk": () => both({ sourcePlatform: "ZENDESK", destinationPlatform: "FRESHDESK", mode: "SCRIPT", privately: true }),
  "private-script-from-freshdesk": () => both({ sourcePlatform: "FRESHDESK", destinationPlatform: "ZENDESK", mode: "SCRIPT", privately: true }),
  "public-script-from-zendesk": () => both({ sourcePlatform: "ZENDESK", destinationPlatform: "FRESHDESK", mode: "SCRIPT" }),
  "public-script-from-freshservice": () => both({ sourcePlatform: "FRESHSERVICE", destinationPlatform: "ZENDESK", mode: "SCRIPT" }),
  "basic-from-zendesk": () => both({ sourcePlatform: "ZENDESK", destinationPlatform: "FRESHSERVICE", mode: "BASIC" }),
  "basic-from-zendesk-with-admin-access": () => both({ sourcePlatform: "ZENDESK", destinationPlatform: "ZENDESK", mode: "BASIC", adminAccess: true }),
  "declined-after-a-look": decline,
  "many-connections-page-by-page": manyConnections,
  "refusal-shown-as-detail": refusal,
};

check(scenarios[scenario] !== undefined, `no such scenario; one of ${Object.keys(scenarios).join(", ")}`);
await scenarios[scenario]();
console.log(`${scenario}: passed, screenshots in ${shots}`);
