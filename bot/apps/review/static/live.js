// A conversation's page, live: the patient's new messages (and the assistant's, and other
// staff's) appear without a reload; an erased conversation says so. Text only, never HTML. The
// words are the page's own (data-* attributes of the transcript), in the staff member's language.
(function () {
  "use strict";
  var transcript = document.getElementById("transcript");
  if (!transcript) return;
  var source = transcript.getAttribute("data-live");
  var after = Number(transcript.getAttribute("data-after")) || 0;
  var EVERY_MS = 2000;

  function word(name, fallback) {
    return transcript.getAttribute("data-" + name) || fallback;
  }

  function add(parent, tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  function show(turn) {
    if (document.getElementById("e" + turn.id)) return;
    var item;
    if (turn.kind === "user") {
      item = add(transcript, "div", "bubble user" + (turn.red_flag ? " red" : ""));
      var text = add(item, "div", "text");
      // The patient's words in their language, whatever the page's (screen readers).
      if (transcript.getAttribute("data-lang")) text.lang = transcript.getAttribute("data-lang");
      // A pressed button shows its title, marked as a press (as the page does).
      if (turn.pressed) {
        add(text, "span", "badge pressed", word("button", "button"));
        text.appendChild(document.createTextNode(" "));
      }
      text.appendChild(document.createTextNode(turn.text));
    } else if (turn.kind === "staff") {
      item = add(transcript, "div", "bubble staff");
      add(item, "div", "author", word("staff", "{name} (staff)").split("{name}").join(turn.staff_name));
      add(item, "div", "text", turn.text);
    } else if (turn.kind === "red_flag") {
      item = add(transcript, "div", "event red", word("red-flag", "Red flag:") + " ");
      add(item, "strong", "", turn.text);
      item.appendChild(document.createTextNode(" "));
    } else if (turn.kind === "notice") {
      item = add(transcript, "div", "event notice-line", turn.text + " ");
    } else {
      item = add(transcript, "div", "bubble bot");
      var said = add(item, "div", "text", turn.text);
      if (transcript.getAttribute("data-lang")) said.lang = transcript.getAttribute("data-lang");
      // The referral map shown with the explanation, as on the page (the app's own address).
      if (turn.picture) {
        var picture = add(item, "img", "referral-map");
        picture.src = turn.picture;
        picture.alt = turn.text;
        if (said.lang) picture.lang = said.lang;
      }
      if (turn.buttons && turn.buttons.length) {
        var buttons = add(item, "div", "buttons");
        turn.buttons.forEach(function (title) {
          add(buttons, "span", "", title);
        });
      }
    }
    item.id = "e" + turn.id;
    add(item, "time", "", turn.at).setAttribute("datetime", turn.datetime || "");
    item.classList.add("new");
  }

  // The patient erased the conversation: nothing of it stays on the page, and staff are told
  // where they are looking.
  function erased() {
    var main = document.querySelector("main");
    var note = document.getElementById("erased-note");
    var text = note ? note.textContent : "The patient erased this conversation.";
    main.textContent = "";
    var heading = add(main, "h1", "", word("erased-title", "Conversation erased"));
    heading.tabIndex = -1;
    add(main, "p", "notice error", text).setAttribute("role", "alert");
    var back = add(add(main, "p", ""), "a", "", word("back", "Back to the inbox"));
    back.href = "/";
    window.scrollTo(0, 0);
    heading.focus();
  }

  function poll() {
    fetch(source + "?after=" + after, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok || response.redirected) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        if (data.erased) return erased();
        var card = document.getElementById("takeover");
        if (card && card.getAttribute("data-holder") !== (data.taken_over_by || "")) {
          // Someone took over or handed back (or the assistant ended the pause): redraw.
          window.location.reload();
          return;
        }
        (data.turns || []).forEach(show);
        after = data.last_event_id || after;
        transcript.setAttribute("data-after", String(after));
        setTimeout(poll, EVERY_MS);
      })
      .catch(function () {
        setTimeout(poll, EVERY_MS * 3);
      });
  }
  setTimeout(poll, EVERY_MS);
})();
