/* HCMC chat widget: one script tag, Rasa's socketio channel (bot.web.channel.WidgetInput).
 *
 * <script src="https://assistant.example.org/widget/hcmc-widget.js" data-server="https://assistant.example.org:5005" defer></script>
 *
 * The build (build.mjs) puts the socket.io client (`io`) in front of this file and replaces
 * __HCMC_MESSAGES__ with src/messages.json, so the page loads one script and nothing else from
 * any other host. Every text from the assistant or the visitor goes into the page as text
 * (textContent), never as HTML.
 */
(function () {
  "use strict";

  var MESSAGES = __HCMC_MESSAGES__;
  var LANGUAGES = ["en", "fr", "nl"];
  var SESSION_KEY = "hcmc-widget-session";
  var OPEN_KEY = "hcmc-widget-open";
  var LOCATION_PAYLOAD = "/share_location";
  var GREETING_PAYLOAD = "/greet";
  var ANSWER_TIMEOUT_MS = 20000;
  var URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

  var script = document.currentScript;
  if (!script || window.__hcmcWidget) return;
  window.__hcmcWidget = true;

  function option(name, fallback) {
    var value = script.getAttribute("data-" + name);
    return value === null || value === "" ? fallback : value;
  }

  function pageLanguage() {
    var raw = option("language", document.documentElement.lang || "en");
    var code = String(raw).trim().toLowerCase().slice(0, 2);
    return LANGUAGES.indexOf(code) >= 0 ? code : "en";
  }

  var language = pageLanguage();
  var scriptBase = new URL(".", script.src).href;
  var server = option("server", new URL(script.src).origin);
  var config = {
    server: server,
    socketPath: option("socket-path", "/socket.io/"),
    title: option("title", MESSAGES.title[language]),
    colour: option("primary-colour", option("primary-color", "#0b5e55")),
    startOpen: option("open", "false") === "true",
  };

  function t(key) {
    var texts = MESSAGES[key];
    return texts[language] || texts.en;
  }

  // Storage can be refused (private windows, blocked cookies): the widget then works for one page.
  var memory = {};
  function load(store, key) {
    try {
      return window[store].getItem(key);
    } catch (error) {
      return memory[store + key] || null;
    }
  }
  function save(store, key, value) {
    try {
      if (value === null) window[store].removeItem(key);
      else window[store].setItem(key, value);
    } catch (error) {
      memory[store + key] = value;
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function safeUrl(raw) {
    try {
      var url = new URL(raw);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function link(href, label) {
    var a = el("a", "hcmc-link", label);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.appendChild(el("span", "hcmc-sr-only", " " + t("new_tab")));
    return a;
  }

  /* Text with its web addresses as links; everything else as text nodes. */
  function richText(container, text) {
    var last = 0;
    String(text).replace(URL_PATTERN, function (match, offset) {
      var trimmed = match.replace(/[.,;:!?)\]]+$/, "");
      var href = safeUrl(trimmed);
      if (!href) return match;
      container.appendChild(document.createTextNode(text.slice(last, offset)));
      container.appendChild(link(href, trimmed));
      last = offset + trimmed.length;
      return match;
    });
    container.appendChild(document.createTextNode(String(text).slice(last)));
  }

  /* White or near-black text on the primary colour, whichever contrasts more (WCAG formula). */
  function textColourOn(colour) {
    var probe = document.createElement("span");
    probe.style.color = colour;
    document.body.appendChild(probe);
    var rgb = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g) || ["11", "94", "85"];
    probe.remove();
    var channel = function (value) {
      var c = Number(value) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    };
    var luminance =
      0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    var onWhite = 1.05 / (luminance + 0.05);
    var onBlack = (luminance + 0.05) / 0.0552; // #101010
    return onWhite >= onBlack ? "#ffffff" : "#101010";
  }

  /* An icon drawn in SVG (an emoji would depend on the visitor's fonts); decorative only. */
  function svgIcon(d, className) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "22");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    if (className) svg.setAttribute("class", className);
    var path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("fill-rule", "evenodd"); // the inner marks are holes
    path.setAttribute("d", d);
    svg.appendChild(path);
    return svg;
  }

  /* A speech bubble with three dots. */
  function chatIcon() {
    return svgIcon(
      "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z"
    );
  }

  /* A warning triangle: urgency is said in words too, never by colour alone. */
  function warningIcon() {
    return svgIcon("M12 2 1 21h22L12 2zm-1 7h2v6h-2V9zm0 8h2v2h-2v-2z", "hcmc-urgent-icon");
  }

  // Tiers that send the patient elsewhere now; the others (GP soon) are advice without alarm.
  var ALARM_TIERS = ["call_112", "emergency_department", "unclear"];

  function urgentOf(message) {
    var custom = message && message.custom;
    var urgent = custom && custom.urgent;
    return urgent && typeof urgent === "object" ? urgent : null;
  }

  function callLink(call, primary) {
    var number = String(call.number || "");
    var a = el("a", "hcmc-call" + (primary ? " hcmc-call-primary" : ""), String(call.label || number));
    a.href = "tel:" + number.replace(/[^0-9+]/g, "");
    return a;
  }

  // ---- the elements -------------------------------------------------------------------------
  var host = el("div");
  host.id = "hcmc-widget";
  host.setAttribute("lang", language);
  var root = host.attachShadow({ mode: "open" });
  var stylesheet = el("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = scriptBase + "hcmc-widget.css";
  root.appendChild(stylesheet);

  var frame = el("div", "hcmc");
  frame.hidden = true; // shown once the stylesheet is in, so nothing unstyled flashes
  stylesheet.addEventListener("load", function () {
    frame.hidden = false;
  });
  stylesheet.addEventListener("error", function () {
    frame.hidden = false;
  });
  frame.style.setProperty("--hcmc-primary", config.colour);

  var launcher = el("button", "hcmc-launcher");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "hcmc-panel");
  launcher.appendChild(chatIcon());
  launcher.appendChild(el("span", "hcmc-launcher-label", t("launcher")));

  var panel = el("section", "hcmc-panel");
  panel.id = "hcmc-panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "hcmc-title");

  var header = el("div", "hcmc-header"); // not <header>: the page has its own banner
  var title = el("h2", "hcmc-title", config.title);
  title.id = "hcmc-title";
  var clearButton = el("button", "hcmc-clear", t("clear"));
  clearButton.type = "button";
  var closeButton = el("button", "hcmc-close");
  closeButton.type = "button";
  closeButton.setAttribute("aria-label", t("close"));
  var closeIcon = el("span", "", "×");
  closeIcon.setAttribute("aria-hidden", "true");
  closeButton.appendChild(closeIcon);
  header.appendChild(title);
  header.appendChild(clearButton);
  header.appendChild(closeButton);

  var notice = el("p", "hcmc-notice", t("notice"));
  // The most urgent advice of the conversation stays pinned above the messages, with its call
  // button, however many messages follow it.
  var urgentBar = el("div", "hcmc-urgent-bar");
  urgentBar.hidden = true;
  var pinnedRank = 99;

  var log = el("div", "hcmc-log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-relevant", "additions");
  log.setAttribute("aria-label", t("log_label"));
  log.tabIndex = 0; // scrollable by keyboard

  var typing = el("div", "hcmc-typing");
  typing.hidden = true;
  typing.appendChild(el("span", "hcmc-sr-only", t("typing")));
  for (var i = 0; i < 3; i++) {
    var dot = el("span", "hcmc-dot");
    dot.setAttribute("aria-hidden", "true");
    typing.appendChild(dot);
  }

  var quickReplies = el("div", "hcmc-quick-replies");
  quickReplies.setAttribute("role", "group");
  quickReplies.setAttribute("aria-label", t("quick_replies"));
  quickReplies.hidden = true;

  var status = el("p", "hcmc-status");
  status.setAttribute("role", "status");

  var form = el("form", "hcmc-form");
  var label = el("label", "hcmc-sr-only", t("input_label"));
  label.htmlFor = "hcmc-input";
  var input = el("input", "hcmc-input");
  input.id = "hcmc-input";
  input.type = "text";
  input.autocomplete = "off";
  input.maxLength = 1000;
  input.placeholder = t("placeholder");
  var sendButton = el("button", "hcmc-send", t("send"));
  sendButton.type = "submit";
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(sendButton);

  panel.appendChild(header);
  panel.appendChild(notice);
  panel.appendChild(urgentBar);
  panel.appendChild(log);
  panel.appendChild(typing);
  panel.appendChild(quickReplies);
  panel.appendChild(status);
  panel.appendChild(form);
  frame.appendChild(panel);
  frame.appendChild(launcher);
  root.appendChild(frame);

  // ---- showing messages ---------------------------------------------------------------------
  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function showMessage(from, text) {
    var item = el("div", "hcmc-message hcmc-from-" + from);
    item.appendChild(el("span", "hcmc-sr-only", (from === "user" ? t("you") : t("assistant")) + ": "));
    var body = el("span", "hcmc-text");
    if (from === "bot") richText(body, text);
    else body.textContent = text;
    item.appendChild(body);
    log.appendChild(item);
    scrollToEnd();
    return item;
  }

  // A member of the clinic's staff writing during a takeover: a person, named, apart from the
  // assistant's bubbles.
  function showStaffMessage(name, text) {
    var item = el("div", "hcmc-message hcmc-from-staff");
    var author = String(name || "") + " · " + t("team");
    item.appendChild(el("span", "hcmc-staff-name", author));
    item.appendChild(el("span", "hcmc-sr-only", ": "));
    var body = el("span", "hcmc-text");
    body.textContent = text;
    item.appendChild(body);
    log.appendChild(item);
    scrollToEnd();
    return item;
  }

  // A person joined or left the chat.
  function showNotice(text) {
    var item = el("div", "hcmc-chat-notice", text);
    log.appendChild(item);
    scrollToEnd();
    return item;
  }

  function pinUrgent(urgent) {
    var calls = urgent.calls || [];
    var rank = ALARM_TIERS.indexOf(urgent.tier);
    if (rank < 0) rank = urgent.tier === "doctor_today" ? 3 : 9;
    if (!calls.length || rank > pinnedRank) return;
    pinnedRank = rank;
    urgentBar.textContent = "";
    urgentBar.className = "hcmc-urgent-bar hcmc-tier-" + String(urgent.tier || "");
    var label = el("span", "hcmc-urgent-bar-title");
    label.appendChild(warningIcon());
    label.appendChild(el("span", "", String(urgent.title || "")));
    urgentBar.appendChild(label);
    var button = callLink(calls[0], true);
    button.textContent = String(calls[0].label || calls[0].number).split(" (")[0]; // short in the bar
    urgentBar.appendChild(button);
    urgentBar.hidden = false;
  }

  function clearUrgent() {
    urgentBar.hidden = true;
    urgentBar.textContent = "";
    pinnedRank = 99;
  }

  /* Urgent advice as an alert card: title with icon, the advice, a large button per number. */
  function showUrgent(text, urgent, announce) {
    var tier = String(urgent.tier || "");
    var card = el("div", "hcmc-urgent hcmc-tier-" + tier);
    if (announce) card.setAttribute("role", "alert");
    card.setAttribute("data-tier", tier);
    var heading = el("p", "hcmc-urgent-title");
    heading.appendChild(warningIcon());
    heading.appendChild(el("span", "", String(urgent.title || "")));
    card.appendChild(heading);
    if (urgent.reason) card.appendChild(el("p", "hcmc-urgent-reason", String(urgent.reason)));
    var body = el("p", "hcmc-urgent-text");
    richText(body, text);
    card.appendChild(body);
    (urgent.calls || []).forEach(function (call, index) {
      card.appendChild(callLink(call, index === 0));
    });
    log.appendChild(card);
    pinUrgent(urgent);
    scrollToEnd();
    return card;
  }

  function showNote(text) {
    var item = el("div", "hcmc-message hcmc-from-widget", text);
    log.appendChild(item);
    scrollToEnd();
  }

  function clearQuickReplies() {
    quickReplies.textContent = "";
    quickReplies.hidden = true;
  }

  // The buttons of every message of one answer stay until the patient replies: the summary's
  // "fix this line" buttons and the booking link that follows it are both open choices.
  function showQuickReplies(buttons) {
    buttons.forEach(function (button) {
      var titleText = String(button.title || "");
      var payload = String(button.payload || "");
      var shown = quickReplies.querySelectorAll(".hcmc-quick-reply");
      for (var i = 0; i < shown.length; i++) {
        if (shown[i].getAttribute("data-payload") === payload && shown[i].textContent === titleText) return;
      }
      var href = safeUrl(button.url || payload);
      if (href) {
        var a = link(href, titleText);
        a.className = "hcmc-quick-reply hcmc-quick-link";
        a.setAttribute("data-payload", payload);
        quickReplies.appendChild(a);
        return;
      }
      var choice = el("button", "hcmc-quick-reply", payload === LOCATION_PAYLOAD ? t("use_location") : titleText);
      choice.type = "button";
      choice.setAttribute("data-payload", payload);
      choice.addEventListener("click", function (event) {
        if (payload === LOCATION_PAYLOAD) shareLocation();
        else send(payload, titleText);
        // The pressed button is gone: keyboard users carry on in the text box (event.detail is 0
        // for Enter or Space; a tap on a phone does not pop the keyboard up).
        if (event.detail === 0) input.focus();
      });
      quickReplies.appendChild(choice);
    });
    quickReplies.hidden = buttons.length === 0;
    scrollToEnd();
  }

  function showBotMessage(message) {
    if (message.custom && message.custom.erased === true) return conversationErased(message.text);
    if (message.staff) return showStaffMessage(message.staff.name, message.text || "");
    if (message.notice) return showNotice(message.text || "");
    var urgent = urgentOf(message);
    if (urgent) showUrgent(message.text || "", urgent, true);
    else if (message.text) showMessage("bot", message.text);
    var buttons = message.quick_replies || message.buttons || [];
    if (buttons.length) showQuickReplies(buttons);
  }

  // ---- the typing indicator and answer timeout ----------------------------------------------
  var answerTimer = null;
  function waitForAnswer() {
    typing.hidden = false;
    scrollToEnd();
    clearTimeout(answerTimer);
    answerTimer = setTimeout(function () {
      typing.hidden = true;
      showNote(t("no_answer"));
    }, ANSWER_TIMEOUT_MS);
  }
  function answerDone() {
    clearTimeout(answerTimer);
    typing.hidden = true;
  }

  // ---- the connection -----------------------------------------------------------------------
  var sessionId = load("localStorage", SESSION_KEY);
  var historyLoaded = false;
  var socket = io(config.server, {
    path: config.socketPath,
    transports: ["websocket", "polling"],
  });

  function metadata() {
    return { language: language };
  }

  function send(payload, shown) {
    if (!socket.connected || !sessionId) {
      status.textContent = t("offline");
      return false;
    }
    clearQuickReplies();
    if (shown) showMessage("user", shown);
    socket.emit("user_uttered", { message: payload, session_id: sessionId, metadata: metadata() });
    waitForAnswer();
    return true;
  }

  function greetIfNew() {
    if (isOpen() && historyLoaded && log.children.length === 0) send(GREETING_PAYLOAD, "");
  }

  socket.on("connect", function () {
    status.textContent = "";
    socket.emit("session_request", { session_id: sessionId });
  });
  socket.on("connect_error", function () {
    status.textContent = t("offline");
  });
  socket.on("disconnect", function () {
    status.textContent = t("connecting");
  });
  socket.on("session_confirm", function (confirmed) {
    var id = typeof confirmed === "string" ? confirmed : confirmed && confirmed.session_id;
    if (id !== sessionId) {
      // A new conversation: the old id (if any) was unknown or erased.
      sessionId = id;
      save("localStorage", SESSION_KEY, id);
    }
  });
  socket.on("session_history", function (history) {
    log.textContent = "";
    clearUrgent();
    clearQuickReplies();
    var messages = (history && history.messages) || [];
    var lastFromUser = -1;
    messages.forEach(function (message, index) {
      if (message.from === "user") lastFromUser = index;
    });
    messages.forEach(function (message, index) {
      if (message.from === "user") {
        showMessage("user", message.location ? t("location_shared") : message.text);
      } else if (message.from === "staff") {
        showStaffMessage(message.name, message.text || "");
      } else if (message.from === "notice") {
        showNotice(message.text || "");
      } else if (urgentOf(message)) {
        showUrgent(message.text || "", urgentOf(message), false);
      } else {
        showMessage("bot", message.text || "");
        // Only the buttons of the last answer are still an open question.
        if (index > lastFromUser && message.buttons && message.buttons.length) {
          showQuickReplies(message.buttons);
        }
      }
    });
    historyLoaded = true;
    host.setAttribute("data-state", "ready"); // connected, conversation shown (tests wait on it)
    greetIfNew();
  });
  socket.on("bot_uttered", function (message) {
    showBotMessage(message || {});
  });
  socket.on("bot_turn_end", answerDone);
  /* The conversation is gone on the server: the widget forgets it and starts a new one. */
  function forgetConversation(note) {
    answerDone();
    log.textContent = "";
    clearUrgent();
    clearQuickReplies();
    sessionId = null;
    save("localStorage", SESSION_KEY, null);
    historyLoaded = false;
    status.textContent = note;
    socket.emit("session_request", { session_id: null });
  }

  // Erased in words ("delete my data", confirmed): the assistant's confirmation is the note.
  function conversationErased(text) {
    forgetConversation(text || t("cleared"));
  }

  socket.on("session_erased", function () {
    forgetConversation(t("cleared"));
  });
  socket.on("erase_failed", function () {
    status.textContent = t("clear_failed");
  });

  // ---- "Use my location" --------------------------------------------------------------------
  function askForCommune() {
    showNote(t("location_refused"));
    input.focus();
  }

  function shareLocation() {
    if (!navigator.geolocation) return askForCommune();
    clearQuickReplies();
    status.textContent = t("location_asking");
    navigator.geolocation.getCurrentPosition(
      function (position) {
        status.textContent = "";
        var coordinates = {
          latitude: Number(position.coords.latitude.toFixed(5)),
          longitude: Number(position.coords.longitude.toFixed(5)),
        };
        send(LOCATION_PAYLOAD + JSON.stringify(coordinates), t("location_shared"));
      },
      function () {
        status.textContent = "";
        askForCommune();
      },
      { timeout: 15000, maximumAge: 600000 }
    );
  }

  // ---- opening, closing, typing -------------------------------------------------------------
  function isOpen() {
    return !panel.hidden;
  }

  function setOpen(open, moveFocus) {
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute("aria-expanded", String(open));
    frame.classList.toggle("hcmc-is-open", open);
    save("sessionStorage", OPEN_KEY, open ? "true" : "false");
    if (open) {
      scrollToEnd();
      if (moveFocus) input.focus();
      greetIfNew();
    } else if (moveFocus) {
      launcher.focus();
    }
  }

  launcher.addEventListener("click", function () {
    setOpen(true, true);
  });
  closeButton.addEventListener("click", function () {
    setOpen(false, true);
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false, true);
    }
  });
  clearButton.addEventListener("click", function () {
    if (!socket.connected || !sessionId) {
      status.textContent = t("clear_failed");
      return;
    }
    socket.emit("erase_session", { session_id: sessionId });
    input.focus();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    if (send(text, text)) input.value = "";
  });

  function mount() {
    document.body.appendChild(host);
    frame.style.setProperty("--hcmc-on-primary", textColourOn(config.colour));
    var remembered = load("sessionStorage", OPEN_KEY);
    setOpen(remembered === null ? config.startOpen : remembered === "true", false);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
