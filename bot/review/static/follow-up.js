// Keeps the inbox's "Needs follow-up" queue current without a reload: asks the app every few
// seconds and redraws the rows. Text only (textContent): nothing from the server is read as HTML.
(function () {
  "use strict";
  var section = document.getElementById("follow-up-queue");
  if (!section) return;
  var rows = document.getElementById("queue-rows");
  var count = document.getElementById("queue-count");
  var source = section.getAttribute("data-source");
  var EVERY_MS = 5000;

  function cell(row, text) {
    var td = document.createElement("td");
    if (text !== undefined) td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function draw(queue) {
    rows.textContent = "";
    count.textContent = "(" + queue.length + ")";
    if (!queue.length) {
      var empty = document.createElement("tr");
      cell(empty, "Nothing needs follow-up.").colSpan = 6;
      rows.appendChild(empty);
      return;
    }
    queue.forEach(function (item) {
      var tr = document.createElement("tr");
      if (item.red_flag) tr.className = "flag";
      var link = document.createElement("a");
      link.href = "/c/" + encodeURIComponent(item.token);
      link.textContent = item.last_at;
      cell(tr).appendChild(link);
      var badge = document.createElement("span");
      badge.className = item.red_flag ? "badge red" : "badge";
      badge.textContent = item.urgency;
      cell(tr).appendChild(badge);
      cell(tr, item.channel);
      cell(tr, item.language);
      cell(tr, item.status_label);
      cell(tr, item.taken_over_by ? item.taken_over_by + " (talking)" : item.assignee || "-");
      rows.appendChild(tr);
    });
  }

  function refresh() {
    fetch(source, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok || response.redirected) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        draw(data.queue || []);
        section.setAttribute("data-refreshed", String(Date.now()));
      })
      .catch(function () {
        /* logged out or offline: the next round tries again */
      })
      .then(function () {
        setTimeout(refresh, EVERY_MS);
      });
  }
  setTimeout(refresh, EVERY_MS);
})();
