// Shows a highlight's details (source, cue, stance, time; a claim's status and sources) beside it,
// on mouse hover AND on keyboard focus. The details are server-rendered, escaped blocks (#d-REF);
// they are cloned as DOM nodes, never parsed from strings. Without JS the side panel says it all.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var text = document.getElementById("article-text");
  if (!tip || !text) return;
  var current = null;

  function refsFrom(el) {  // the element's highlight and every highlight it sits inside
    var refs = [];
    for (var n = el; n && n !== text; n = n.parentElement) {
      var r = n.getAttribute && n.getAttribute("data-ref");
      if (r && refs.indexOf(r) < 0) refs.push(r);
    }
    return refs;
  }

  function show(el) {
    if (el === current) return;
    current = el;
    tip.replaceChildren();
    refsFrom(el).forEach(function (r) {
      var d = document.getElementById("d-" + r);
      if (d) tip.appendChild(d.cloneNode(true)).removeAttribute("id");
    });
    if (!tip.childNodes.length) { hide(); return; }
    document.querySelectorAll("mark.hl.active").forEach(function (m) { m.classList.remove("active"); });
    document.querySelectorAll('mark.hl[data-ref="' + CSS.escape(el.getAttribute("data-ref")) + '"]')
      .forEach(function (m) { m.classList.add("active"); });
    tip.hidden = false;
    var box = el.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function hide() {
    current = null;
    tip.hidden = true;
    document.querySelectorAll("mark.hl.active").forEach(function (m) { m.classList.remove("active"); });
  }

  function mark(ev) { return ev.target.closest ? ev.target.closest("mark.hl[data-ref]") : null; }
  text.addEventListener("focusin", function (ev) { var m = mark(ev); if (m) show(m); });
  text.addEventListener("focusout", function () { hide(); });
  text.addEventListener("mouseover", function (ev) { var m = mark(ev); if (m) show(m); });
  text.addEventListener("mouseleave", function () { if (!text.contains(document.activeElement)) hide(); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });
})();
