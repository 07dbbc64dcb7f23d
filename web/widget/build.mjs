// Builds the widget into build/web/widget/ (served by bot/apps/web): the socket.io client from
// node_modules, then the widget with its texts (src/messages.json) inlined, as one script.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.env.HCMC_WIDGET_OUT || join(here, "..", "..", "build", "web", "widget");
const messages = JSON.parse(readFileSync(join(here, "src", "messages.json"), "utf8"));
const languages = ["en", "fr", "nl"];
for (const [key, texts] of Object.entries(messages)) {
  for (const language of languages) {
    if (typeof texts[language] !== "string" || !texts[language].trim()) {
      throw new Error(`messages.json: "${key}" has no ${language} text`);
    }
  }
}
// No source map comment: the browser would otherwise ask for a file we do not serve.
const client = readFileSync(
  join(here, "node_modules", "socket.io-client", "dist", "socket.io.min.js"),
  "utf8",
).replace(/\n?\/\/# sourceMappingURL=.*\s*$/, "\n");
const source = readFileSync(join(here, "src", "widget.js"), "utf8");
const placeholder = "var MESSAGES = __HCMC_MESSAGES__;";
if (!source.includes(placeholder)) throw new Error(`widget.js: "${placeholder}" is missing`);
const widget = source.replace(placeholder, `var MESSAGES = ${JSON.stringify(messages)};`);
mkdirSync(out, { recursive: true });
// The client runs in a function of its own and leaves the page as it was: its UMD header must not
// register with a page's AMD loader or replace a socket.io client the page has itself.
const bundle = `(function () {
var pageIo = window.io;
var define, module, exports;
${client}
var io = window.io;
if (pageIo === undefined) delete window.io;
else window.io = pageIo;
${widget}
})();
`;
writeFileSync(join(out, "hcmc-widget.js"), bundle);
copyFileSync(join(here, "src", "widget.css"), join(out, "hcmc-widget.css"));
console.log(`widget built in ${out}`);
