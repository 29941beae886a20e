// The article page: click (or focus) a highlighted span to see the records behind it.
// Record text is untrusted: it only ever goes into the page through textContent.
(function () {
  "use strict";
  var dataNode = document.getElementById("records");
  var panel = document.getElementById("record");
  if (!dataNode || !panel) { return; }
  var records = JSON.parse(dataNode.textContent);
  var KIND = { m: "Mention", t: "Time expression", e: "Event" };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function names(list) {
    return (list || []).map(function (a) { return a.name + (a.country ? " (" + a.country + ")" : ""); }).join(", ") || "?";
  }

  function fields(ref, rec) {
    var kind = ref.charAt(0);
    if (kind === "m") {
      return [["text", rec.text], ["label", rec.label], ["entity", rec.entity_id || "unresolved"], ["chars", rec.start + "–" + rec.end]];
    }
    if (kind === "t") {
      return [["text", rec.text], ["type", rec.type], ["value", rec.value], ["from", rec.earliest], ["to", rec.latest], ["chars", rec.start + "–" + rec.end]];
    }
    return [["type", rec.event_type], ["mode", (rec.mode || []).join(", ")], ["modality", rec.modality],
      ["actor", names(rec.actor)], ["recipient", names(rec.recipient)], ["location", rec.location],
      ["date", rec.date], ["quad", rec.quad], ["intensity", rec.intensity], ["trigger", rec.evidence && rec.evidence.trigger],
      ["evidence", rec.evidence && (rec.evidence.start + "–" + rec.evidence.end)]];
  }

  function show(span) {
    var refs = (span.getAttribute("data-refs") || "").split(" ");
    document.querySelectorAll(".hl.active").forEach(function (n) { n.classList.remove("active"); });
    span.classList.add("active");
    panel.replaceChildren();
    refs.forEach(function (ref) {
      var rec = records[ref];
      if (!rec) { return; }
      panel.appendChild(el("h3", KIND[ref.charAt(0)] || "Record"));
      var list = el("dl");
      fields(ref, rec).forEach(function (pair) {
        if (pair[1] === undefined || pair[1] === null || pair[1] === "") { return; }
        list.appendChild(el("dt", pair[0]));
        list.appendChild(el("dd", pair[1]));
      });
      panel.appendChild(list);
      if (ref.charAt(0) === "e" && rec.links) {
        var link = el("a", "select this event");
        link.href = rec.links.page;
        link.className = "select-event";
        panel.appendChild(link);
      }
    });
  }

  document.querySelectorAll("#text .hl").forEach(function (span) {
    span.addEventListener("click", function () { show(span); });
    span.addEventListener("focus", function () { show(span); });
  });
  var selected = document.querySelector("#text .hl.evidence") || document.querySelector("#text .hl.sentence");
  if (selected) {
    show(selected);
    var box = selected.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) { selected.scrollIntoView({ block: "center" }); }
  }
}());
