// newsloom: the only script. Progressive: every page works without it.
// "/" focuses the search box, as in most analyst tools.
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) return;
  var box = document.getElementById("global-search");
  if (box) { event.preventDefault(); box.focus(); box.select(); }
});

// Long lists of the dossier fold on a phone (they stay open without this script, and in print).
(function () {
  var folds = document.querySelectorAll("details.fold");
  if (window.matchMedia && window.matchMedia("(max-width: 640px)").matches) {
    folds.forEach(function (d) { d.open = false; });
  }
  window.addEventListener("beforeprint", function () { folds.forEach(function (d) { d.open = true; }); });
})();
