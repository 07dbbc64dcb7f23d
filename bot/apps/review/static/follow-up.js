// Keeps the inbox's "Needs follow-up" queue current without a reload: asks the app every few
// seconds and redraws the rows. Text only (textContent): nothing from the server is read as HTML.
// The words come from the page (data-* attributes, the table's headings) and the server, in the
// staff member's language.
(function () {
  "use strict";
  var section = document.getElementById("follow-up-queue");
  if (!section) return;
  var rows = document.getElementById("queue-rows");
  var count = document.getElementById("queue-count");
  var source = section.getAttribute("data-source");
  var EVERY_MS = 5000;
  // The phone layout labels each cell; a heading may give a shorter label of its own, as the
  // server-drawn rows use (data-label), so the cards do not change when redrawn.
  var headings = Array.prototype.map.call(section.querySelectorAll("thead th"), function (th) {
    return th.getAttribute("data-label") || th.textContent;
  });

  function cell(row, text) {
    var td = document.createElement("td");
    td.setAttribute("data-label", headings[row.children.length] || "");
    if (text !== undefined) td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function draw(queue) {
    rows.textContent = "";
    count.textContent = String(queue.length);
    if (!queue.length) {
      var empty = document.createElement("tr");
      empty.className = "empty";
      var td = document.createElement("td");
      td.textContent = section.getAttribute("data-empty");
      td.colSpan = headings.length;
      empty.appendChild(td);
      rows.appendChild(empty);
      return;
    }
    queue.forEach(function (item) {
      var tr = document.createElement("tr");
      tr.className = item.red_flag ? "flag" : "person";
      var badge = document.createElement("span");
      badge.className = item.red_flag ? "badge red" : "badge amber";
      badge.textContent = item.urgency;
      var first = cell(tr);
      first.className = "lead";
      first.appendChild(badge);
      var link = document.createElement("a");
      link.href = "/c/" + encodeURIComponent(item.token);
      link.textContent = item.last_at;
      cell(tr).appendChild(link);
      var status = document.createElement("span");
      status.className = "status status-" + item.status;
      status.textContent = item.status_label;
      cell(tr).appendChild(status);
      var talking = section.getAttribute("data-talking") || "{name}";
      var who = cell(tr, item.taken_over_by ? talking.split("{name}").join(item.taken_over_by) : item.assignee || "-");
      if (!item.taken_over_by && !item.assignee) who.className = "blank";
      cell(tr, item.channel + " \u00b7 " + item.language);
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
