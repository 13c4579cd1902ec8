// The editing interface's entry point, bundled by tools/bundle_cms.mjs: Sveltia CMS plus the one input it
// lacks for this site's data, then the start (the configuration is the file the page names).
import CMS from "@sveltia/cms";

// A proper name (schema.py's `proper_name`): one text ("Université de Montréal"), or `fr` and `en` when the
// name translates ({fr: Québec, en: Québec City}). The CMS's own inputs hold either a text or an object, and
// drop the other shape when they save; this one keeps whichever the data has, and writes a text while the
// English input is empty.
function ProperName({ value, onChange, forID, classNameWrapper }) {
  const h = window.h; // React's createElement, which the package exposes for inputs like this one
  const plain = value && typeof value.toJS === "function" ? value.toJS() : value;
  const fr = typeof plain === "string" ? plain : (plain?.fr ?? "");
  const en = typeof plain === "string" ? "" : (plain?.en ?? "");
  const save = (nextFr, nextEn) => onChange(nextEn.trim() ? { fr: nextFr, en: nextEn } : nextFr);
  const box = { display: "block", width: "100%", boxSizing: "border-box", padding: "6px 8px", font: "inherit",
    border: "1px solid #8a8a8a", borderRadius: "4px", marginBottom: "8px" };
  const label = { display: "block", fontSize: "0.9em", marginBottom: "4px" };
  return h("div", { className: classNameWrapper },
    h("label", { htmlFor: forID, style: label }, "Français, ou le nom tel qu'il s'écrit partout · French, or the name as written everywhere"),
    h("input", { id: forID, type: "text", value: fr, style: box, onChange: (event) => save(event.target.value, en) }),
    h("label", { htmlFor: `${forID}-en`, style: label }, "Anglais, seulement s'il se traduit · English, only when it translates"),
    h("input", { id: `${forID}-en`, type: "text", value: en, style: box,
      onChange: (event) => save(fr, event.target.value) }));
}

CMS.registerFieldType("proper_name", ProperName);
CMS.init();
