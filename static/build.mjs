// Builds static/dist from npm packages (run by `npm run build`; the output is never committed).
import { compile } from "sass";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";

const govuk = "node_modules/govuk-frontend/dist/govuk";
const out = "static/dist";
mkdirSync(out, { recursive: true });

const css = compile("static/scss/main.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(`${out}/main.css`, css.css);
cpSync(`${govuk}/govuk-frontend.min.js`, `${out}/govuk-frontend.min.js`);
cpSync(`${govuk}/assets/images`, `${out}/images`, { recursive: true });
console.log(`built ${out}: main.css (${css.css.length} bytes), govuk-frontend.min.js`);
