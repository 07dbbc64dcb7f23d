/* HCMC chat widget: one script tag, Rasa's socketio channel (bot.rasa_plugins.channels.widget.WidgetInput).
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
  // The server's token for the session id: without it the server starts a new conversation. In
  // localStorage beside the id, not in an HttpOnly cookie: the widget runs on the clinic's site
  // and talks to the assistant's origin, whose cookie would be a third-party one, which browsers
  // block (bot/rasa_plugins/channels/widget.py).
  var TOKEN_KEY = "hcmc-widget-session-token";
  var OPEN_KEY = "hcmc-widget-open";
  var LOCATION_PAYLOAD = "/share_location";
  var GREETING_PAYLOAD = "/greet";
  var ANSWER_TIMEOUT_MS = 20000;
  // The longest message the widget sends, well under the server's own cap (2,000 characters,
  // bot/rasa_plugins/channels/widget.py MAX_MESSAGE_CHARS, which would cut a longer one without a word). The
  // counter shows from 80% of it; a longer message is refused with a word, never cut.
  var MAX_MESSAGE_CHARS = 1000;
  var COUNTER_FROM = 800;
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

  function t(key, values) {
    var texts = MESSAGES[key];
    var text = texts[language] || texts.en;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  }

  function number(value) {
    try {
      return Number(value).toLocaleString(language);
    } catch (error) {
      return String(value);
    }
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

  /* The text without an address that ends a line and that one of its buttons opens: "Book here:
   * https://..." above a "Book at ..." button reads "Book here." (the address stays in the text
   * for clients without buttons, and stays here when it is in the middle of a sentence). */
  function withoutButtonUrls(text, hrefs) {
    text = String(text);
    if (!hrefs.length) return text;
    return text.replace(/[ \t]*(:[ \t]*)?(https?:\/\/[^\s<>"]+)/g, function (match, colon, raw, offset) {
      var trimmed = raw.replace(/[.,;:!?)\]]+$/, "");
      var after = raw.slice(trimmed.length);
      var rest = text.slice(offset + match.length);
      if (hrefs.indexOf(safeUrl(trimmed)) < 0 || !/^[ \t]*(\n|$)/.test(rest)) return match;
      var before = text.slice(0, offset);
      if (before === "" || /[\n.!?…]$/.test(before)) return after;
      return after || ".";
    }).replace(/\s+$/, "");
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

  var SVG_NS = "http://www.w3.org/2000/svg";

  /* An empty 24x24 icon in SVG (an emoji would depend on the visitor's fonts); decorative only. */
  function svgFrame(className) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "22");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    if (className) svg.setAttribute("class", className);
    return svg;
  }

  /* A filled icon of one path. */
  function svgIcon(d, className) {
    var svg = svgFrame(className);
    var path = document.createElementNS(SVG_NS, "path");
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

  /* A person standing: the body map. */
  function bodyIcon(className) {
    return svgIcon(
      "M12 1.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM9 7.5h6a2 2 0 0 1 2 2v5.5h-2v7.5h-2.3V16h-1.4v6.5H9V15H7V9.5a2 2 0 0 1 2-2z",
      className
    );
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

  /* A bin drawn in strokes (hcmc-icon's style). */
  function binIcon() {
    var svg = svgFrame("hcmc-icon");
    ["M4 7h16", "M9 7V4.5h6V7", "M6.5 7l1 13h9l1-13", "M10 11v6", "M14 11v6"].forEach(function (d) {
      var path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", d);
      svg.appendChild(path);
    });
    return svg;
  }

  var header = el("div", "hcmc-header"); // not <header>: the page has its own banner
  var title = el("h2", "hcmc-title", config.title);
  title.id = "hcmc-title";
  // "Clear conversation" as an icon (a bin) beside the close button, named by a text for screen
  // readers and a tooltip: the title keeps the header's room, on one line in every language.
  var clearButton = el("button", "hcmc-clear");
  clearButton.type = "button";
  clearButton.title = t("clear");
  clearButton.setAttribute("aria-expanded", "false");
  clearButton.setAttribute("aria-controls", "hcmc-confirm");
  clearButton.appendChild(binIcon());
  clearButton.appendChild(el("span", "hcmc-sr-only", t("clear")));
  var closeButton = el("button", "hcmc-close");
  closeButton.type = "button";
  closeButton.setAttribute("aria-label", t("close"));
  var closeIcon = el("span", "", "×");
  closeIcon.setAttribute("aria-hidden", "true");
  closeButton.appendChild(closeIcon);
  header.appendChild(title);
  header.appendChild(clearButton);
  header.appendChild(closeButton);

  // "Clear conversation" asks first, in the panel: erasing cannot be undone.
  var confirmBox = el("div", "hcmc-confirm");
  confirmBox.id = "hcmc-confirm";
  confirmBox.hidden = true;
  confirmBox.setAttribute("role", "group");
  confirmBox.setAttribute("aria-labelledby", "hcmc-confirm-text");
  var confirmText = el("p", "hcmc-confirm-text", t("clear_question"));
  confirmText.id = "hcmc-confirm-text";
  var confirmActions = el("div", "hcmc-confirm-actions");
  var confirmErase = el("button", "hcmc-confirm-erase", t("clear_confirm"));
  confirmErase.type = "button";
  var confirmCancel = el("button", "hcmc-confirm-cancel", t("cancel"));
  confirmCancel.type = "button";
  confirmActions.appendChild(confirmErase);
  confirmActions.appendChild(confirmCancel);
  confirmBox.appendChild(confirmText);
  confirmBox.appendChild(confirmActions);

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

  // The dots are for the eyes; screen readers hear "The assistant is typing" from a live region
  // of its own (a hidden element's text is never announced).
  var typing = el("div", "hcmc-typing");
  typing.hidden = true;
  typing.setAttribute("aria-hidden", "true");
  for (var i = 0; i < 3; i++) typing.appendChild(el("span", "hcmc-dot"));
  var typingLive = el("div", "hcmc-sr-only hcmc-typing-live");
  typingLive.setAttribute("aria-live", "polite");
  typingLive.setAttribute("aria-atomic", "true");

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
  input.placeholder = t("placeholder");
  // No maxLength: the browser would cut a pasted text without a word. The counter and the
  // refusal below say it instead.
  input.setAttribute("aria-describedby", "hcmc-counter");
  var sendButton = el("button", "hcmc-send", t("send"));
  sendButton.type = "submit";
  var counter = el("p", "hcmc-counter");
  counter.id = "hcmc-counter";
  counter.hidden = true;
  // The body map opens from beside the text box at any time (the "where" question also offers it
  // among its suggested answers).
  var mapButton = el("button", "hcmc-map-button");
  mapButton.type = "button";
  mapButton.title = t("map_open");
  mapButton.setAttribute("aria-haspopup", "dialog");
  mapButton.appendChild(bodyIcon());
  mapButton.appendChild(el("span", "hcmc-sr-only", t("map_open")));
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(mapButton);
  form.appendChild(sendButton);

  // The body map itself: a modal dialog over the whole panel. The pictures (inline SVG, drawn
  // from the server's JSON) are for pointers; the list of toggle buttons beside them carries the
  // same choices for keyboards and screen readers.
  var mapBox = el("div", "hcmc-map");
  mapBox.hidden = true;
  mapBox.setAttribute("role", "dialog");
  mapBox.setAttribute("aria-modal", "true");
  mapBox.setAttribute("aria-labelledby", "hcmc-map-title");
  mapBox.setAttribute("aria-describedby", "hcmc-map-hint");
  mapBox.tabIndex = -1; // a click on the pictures keeps the focus in the dialog
  var mapHead = el("div", "hcmc-map-head");
  var mapTitle = el("h2", "hcmc-map-title", t("map_title"));
  mapTitle.id = "hcmc-map-title";
  mapTitle.tabIndex = -1; // where the focus goes on opening: the dialog's name is read first
  var mapHint = el("p", "hcmc-map-hint", t("map_hint"));
  mapHint.id = "hcmc-map-hint";
  mapHead.appendChild(mapTitle);
  mapHead.appendChild(mapHint);
  // Front or back, one at a time where there is no room for both (phones).
  var mapViews = el("div", "hcmc-map-views");
  mapViews.setAttribute("role", "group");
  mapViews.setAttribute("aria-label", t("map_views"));
  var mapBody = el("div", "hcmc-map-body");
  var mapFigures = el("div", "hcmc-map-figures");
  var mapList = el("div", "hcmc-map-list");
  mapBody.appendChild(mapFigures);
  mapBody.appendChild(mapList);
  var mapStatus = el("p", "hcmc-map-status");
  mapStatus.setAttribute("role", "status");
  var mapFoot = el("div", "hcmc-map-foot");
  var mapChosen = el("p", "hcmc-map-chosen", t("map_none"));
  var mapActions = el("div", "hcmc-map-actions");
  var mapConfirm = el("button", "hcmc-map-confirm", t("map_confirm"));
  mapConfirm.type = "button";
  mapConfirm.disabled = true;
  var mapCancel = el("button", "hcmc-map-cancel", t("cancel"));
  mapCancel.type = "button";
  mapActions.appendChild(mapConfirm);
  mapActions.appendChild(mapCancel);
  mapFoot.appendChild(mapChosen);
  mapFoot.appendChild(mapActions);
  mapBox.appendChild(mapHead);
  mapBox.appendChild(mapViews);
  mapBox.appendChild(mapBody);
  mapBox.appendChild(mapStatus);
  mapBox.appendChild(mapFoot);

  panel.appendChild(header);
  panel.appendChild(confirmBox);
  panel.appendChild(notice);
  panel.appendChild(urgentBar);
  panel.appendChild(log);
  panel.appendChild(typing);
  panel.appendChild(typingLive);
  panel.appendChild(quickReplies);
  panel.appendChild(status);
  panel.appendChild(counter);
  panel.appendChild(form);
  panel.appendChild(mapBox);
  frame.appendChild(panel);
  frame.appendChild(launcher);
  root.appendChild(frame);

  // ---- scrolling ----------------------------------------------------------------------------
  // An answer of several messages is read from its first one: the view follows new messages
  // until the first message of the answer reaches the top, and stays there (the patient scrolls
  // on). A patient who has scrolled away to read is left where they are until they send again.
  var turnStart = null; // the first message of the latest answer (the view's anchor)
  var newTurn = true; // the next message from the assistant starts an answer
  var following = true;
  var placedAt = -1; // where the widget last scrolled the log to

  function atEnd() {
    return log.scrollHeight - log.clientHeight - log.scrollTop < 24;
  }

  function keepInView() {
    if (!isOpen() || !following) return;
    var end = log.scrollHeight - log.clientHeight;
    var target = end;
    if (turnStart && turnStart.parentNode === log) {
      var offset = turnStart.getBoundingClientRect().top - log.getBoundingClientRect().top;
      target = Math.min(end, log.scrollTop + offset - 8);
    }
    // Never back up: a patient who has scrolled on within the answer stays there.
    log.scrollTop = Math.max(log.scrollTop, target, 0);
    placedAt = log.scrollTop;
  }

  log.addEventListener("scroll", function () {
    if (Math.abs(log.scrollTop - placedAt) <= 2) return; // the widget's own scrolling
    following = atEnd();
  });
  // The log gets shorter when a phone's keyboard opens or suggested answers appear.
  if (window.ResizeObserver) new ResizeObserver(keepInView).observe(log);

  /* Adds to the log; `starts` says whether the item can begin an answer. */
  function append(item, starts) {
    log.appendChild(item);
    if (starts === "always" || (starts && (newTurn || !turnStart))) {
      turnStart = item;
      newTurn = starts === "always";
    }
    keepInView();
    return item;
  }

  /* The patient writes: the view goes to the end and follows again. */
  function patientActs() {
    turnStart = null;
    newTurn = true;
    following = true;
  }

  // ---- showing messages ---------------------------------------------------------------------
  function linkButton(href, label) {
    var a = link(href, label);
    a.className = "hcmc-link-button hcmc-quick-link";
    return a;
  }

  /* A message; the assistant's buttons that open a web page go with it, under its text, and its
   * text does not print their address again. */
  function showMessage(from, text, buttons) {
    var item = el("div", "hcmc-message hcmc-from-" + from);
    item.appendChild(el("span", "hcmc-sr-only", (from === "user" ? t("you") : t("assistant")) + ": "));
    var body = el("span", "hcmc-text");
    var links = from === "bot" ? linkButtonsOf(buttons) : [];
    if (from === "bot") {
      richText(body, withoutButtonUrls(text, links.map(function (entry) { return entry.href; })));
    } else {
      body.textContent = text;
    }
    item.appendChild(body);
    links.forEach(function (entry) {
      item.appendChild(linkButton(entry.href, entry.title));
    });
    return append(item, from === "bot");
  }

  function linkButtonsOf(buttons) {
    var links = [];
    (buttons || []).forEach(function (button) {
      var href = button && safeUrl(button.url || button.payload);
      if (href) links.push({ href: href, title: String(button.title || href) });
    });
    return links;
  }

  function choiceButtonsOf(buttons) {
    return (buttons || []).filter(function (button) {
      return button && !safeUrl(button.url || button.payload);
    });
  }

  // The referral map that comes with the explanation of a region (custom.referral_map): a
  // picture from the assistant's web server, under the explanation's text, which is also its
  // text alternative. The room is kept before it loads (nothing jumps); if it cannot load, the
  // text stays as it is.
  var REFERRAL_SIDES = ["left", "right", "both", "middle", "none"];
  var PICTURE_RATIO = "800 / 1300"; // the drawings' usual shape, corrected once one has loaded

  function referralMapUrl(message) {
    var custom = message && message.custom;
    var map = custom && custom.referral_map;
    if (!map || typeof map !== "object") return null;
    var region = String(map.region || "");
    if (!/^[a-z][a-z0-9_]*$/.test(region)) return null;
    var side = map.side === null || map.side === undefined ? "none" : String(map.side);
    if (REFERRAL_SIDES.indexOf(side) < 0) side = "none";
    var pictureLanguage = LANGUAGES.indexOf(map.language) >= 0 ? map.language : language;
    return scriptBase + "referral-map/" + region + "/" + side + "/" + pictureLanguage + ".svg";
  }

  function showReferralMap(item, message) {
    var src = referralMapUrl(message);
    if (!item || !src) return;
    item.classList.add("hcmc-with-picture");
    var picture = el("img", "hcmc-picture");
    picture.alt = String(message.text || "");
    picture.decoding = "async";
    picture.style.aspectRatio = PICTURE_RATIO;
    picture.addEventListener("load", function () {
      if (picture.naturalWidth && picture.naturalHeight) {
        picture.style.aspectRatio = picture.naturalWidth + " / " + picture.naturalHeight;
      }
      keepInView();
    });
    picture.addEventListener("error", function () {
      picture.remove();
      item.classList.remove("hcmc-with-picture");
      keepInView();
    });
    picture.src = src;
    item.appendChild(picture);
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
    return append(item, "always");
  }

  // A person joined or left the chat.
  function showNotice(text) {
    return append(el("div", "hcmc-chat-notice", text), "always");
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
    pinUrgent(urgent);
    return append(card, true);
  }

  /* A word from the widget itself (not the assistant's), in the log. */
  function showNote(text) {
    return append(el("div", "hcmc-message hcmc-from-widget", text), "always");
  }

  function clearQuickReplies() {
    quickReplies.textContent = "";
    quickReplies.hidden = true;
  }

  // The buttons of every message of one answer stay until the patient replies: the summary's
  // "fix this line" buttons are open choices. (Buttons that open a page go with their message.)
  function showQuickReplies(buttons) {
    buttons.forEach(function (button) {
      var titleText = String(button.title || "");
      var payload = String(button.payload || "");
      var shown = quickReplies.querySelectorAll(".hcmc-quick-reply");
      for (var i = 0; i < shown.length; i++) {
        if (shown[i].getAttribute("data-payload") === payload && shown[i].textContent === titleText) return;
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
    quickReplies.hidden = quickReplies.children.length === 0;
    keepInView(); // the log is shorter now
  }

  function showBotMessage(message) {
    if (message.custom && message.custom.erased === true) return conversationErased(message.text);
    removeRetry(); // an answer came after all
    if (message.staff) return showStaffMessage(message.staff.name, message.text || "");
    if (message.notice) return showNotice(message.text || "");
    var urgent = urgentOf(message);
    var buttons = message.quick_replies || message.buttons || [];
    if (urgent) showUrgent(message.text || "", urgent, true);
    else if (message.text || linkButtonsOf(buttons).length) {
      showReferralMap(showMessage("bot", message.text || "", buttons), message);
    }
    var choices = choiceButtonsOf(buttons);
    if (choices.length) showQuickReplies(choices);
    if (offersBodyMap(message)) offerBodyMap();
  }

  // ---- the typing indicator, turns and the answer timeout -----------------------------------
  // Each message sent is a turn with its own number. The server acknowledges a message once the
  // assistant has sent everything for it (socket.io's acknowledgement of that very emit), so an
  // answer that comes late for an earlier message never ends the wait for a later one.
  var turn = 0;
  var answerTimer = null;
  var lastSent = null; // what "Try again" sends again

  function showTyping(shown) {
    typing.hidden = !shown;
    typingLive.textContent = shown ? t("typing") : "";
    keepInView(); // the log's height changes with the dots
  }

  function waitForAnswer(id) {
    showTyping(true);
    clearTimeout(answerTimer);
    answerTimer = setTimeout(function () {
      if (id !== turn) return;
      showTyping(false);
      showNoAnswer();
    }, ANSWER_TIMEOUT_MS);
  }

  function turnEnded(id) {
    if (id !== turn) return; // an earlier message's answer: the latest one is still awaited
    answerDone();
  }

  function answerDone() {
    clearTimeout(answerTimer);
    showTyping(false);
    newTurn = true;
  }

  function removeRetry() {
    var buttons = log.querySelectorAll(".hcmc-retry");
    var hadFocus = false;
    for (var i = 0; i < buttons.length; i++) {
      if (root.activeElement === buttons[i]) hadFocus = true;
      buttons[i].remove();
    }
    if (hadFocus) input.focus();
  }

  function showNoAnswer() {
    removeRetry();
    var note = showNote(t("no_answer") + " ");
    if (!lastSent) return;
    var again = lastSent;
    var retry = el("button", "hcmc-retry", t("retry"));
    retry.type = "button";
    retry.addEventListener("click", function () {
      if (send(again.payload, "")) input.focus();
    });
    note.appendChild(retry);
    keepInView();
  }

  // ---- the connection -----------------------------------------------------------------------
  var sessionId = load("localStorage", SESSION_KEY);
  var sessionToken = load("localStorage", TOKEN_KEY);
  var historyLoaded = false;
  var conversationShown = false; // the conversation has messages (or the greeting is on its way)
  var afterErasure = null; // the note that opens the next conversation
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
    status.textContent = "";
    clearQuickReplies();
    removeRetry();
    // The patient's own message starts a turn; the greeting and "Try again" keep the anchor
    // (the note that the conversation was erased stays above the new greeting).
    if (shown) patientActs();
    else following = true;
    conversationShown = true;
    if (shown) showMessage("user", shown);
    var id = ++turn;
    lastSent = { payload: payload };
    socket.emit(
      "user_uttered",
      {
        message: payload,
        session_id: sessionId,
        session_token: sessionToken,
        metadata: metadata(),
      },
      function () {
        turnEnded(id);
      }
    );
    waitForAnswer(id);
    keepInView();
    return true;
  }

  function greetIfNew() {
    if (isOpen() && historyLoaded && !conversationShown) send(GREETING_PAYLOAD, "");
  }

  socket.on("connect", function () {
    status.textContent = "";
    socket.emit("session_request", { session_id: sessionId, session_token: sessionToken });
  });
  socket.on("connect_error", function () {
    status.textContent = t("offline");
  });
  socket.on("disconnect", function () {
    status.textContent = t("connecting");
  });
  socket.on("session_confirm", function (confirmed) {
    var id = typeof confirmed === "string" ? confirmed : confirmed && confirmed.session_id;
    var token = (confirmed && confirmed.session_token) || null;
    if (id !== sessionId || token !== sessionToken) {
      // A new conversation: the old id (if any) was unknown, erased or came without its token.
      sessionId = id;
      sessionToken = token;
      save("localStorage", SESSION_KEY, id);
      save("localStorage", TOKEN_KEY, token);
    }
  });
  socket.on("session_history", function (history) {
    log.textContent = "";
    clearUrgent();
    clearQuickReplies();
    turnStart = null;
    newTurn = true;
    var messages = (history && history.messages) || [];
    if (afterErasure) {
      // The conversation starts afresh: the erasure is confirmed in it, the status line is free.
      status.textContent = "";
      showNote(afterErasure);
      newTurn = false; // the greeting follows it, the note at the top of the view
      afterErasure = null;
    }
    var lastFromUser = -1;
    messages.forEach(function (message, index) {
      if (message.from === "user") lastFromUser = index;
    });
    messages.forEach(function (message, index) {
      if (message.from === "user") {
        patientActs();
        showMessage("user", message.location ? t("location_shared") : message.text);
      } else if (message.from === "staff") {
        showStaffMessage(message.name, message.text || "");
      } else if (message.from === "notice") {
        showNotice(message.text || "");
      } else if (urgentOf(message)) {
        showUrgent(message.text || "", urgentOf(message), false);
      } else {
        showReferralMap(showMessage("bot", message.text || "", message.buttons), message);
        // Only the buttons of the last answer are still an open question.
        var choices = choiceButtonsOf(message.buttons);
        if (index > lastFromUser && choices.length) showQuickReplies(choices);
        if (index > lastFromUser && offersBodyMap(message)) offerBodyMap();
      }
    });
    conversationShown = messages.length > 0;
    historyLoaded = true;
    host.setAttribute("data-state", "ready"); // connected, conversation shown (tests wait on it)
    keepInView();
    greetIfNew();
  });
  socket.on("bot_uttered", function (message) {
    showBotMessage(message || {});
  });
  // Sent to every tab of the conversation when an answer is complete: the next message from the
  // assistant (a staff reply, an answer to another tab) begins a new answer. The wait for this
  // tab's own message ends with its acknowledgement only (see turnEnded).
  socket.on("bot_turn_end", function () {
    newTurn = true;
  });
  /* The conversation is gone on the server: the widget forgets it and starts a new one. */
  function forgetConversation(note) {
    turn++; // no answer is awaited any more
    answerDone();
    closeConfirm(false);
    closeMap(false);
    log.textContent = "";
    clearUrgent();
    clearQuickReplies();
    sessionId = null;
    sessionToken = null;
    save("localStorage", SESSION_KEY, null);
    save("localStorage", TOKEN_KEY, null);
    historyLoaded = false;
    conversationShown = false;
    lastSent = null;
    status.textContent = "";
    afterErasure = note;
    socket.emit("session_request", { session_id: null, session_token: null });
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

  // ---- the body map -------------------------------------------------------------------------
  // Fetched once per language from the assistant's web server (bot/apps/web): the outline of
  // each view (front, back) and the areas a patient can choose, each with its region, side and
  // name. Confirming sends what a typed "my left knee and my lower back" gives the assistant.
  var bodyMaps = {}; // language -> promise of the body map
  var mapShown = null; // the language of the body map drawn in the dialog
  var mapAreas = []; // {area, place, path, button}, in the map's order
  // A place is a region on one side: "the top of the shoulder, left side" is drawn on both views,
  // one choice with two shapes and two buttons, chosen together.
  var mapPlaces = {}; // "region|side" -> {key, region, side, name, entries}
  var mapSelected = []; // place keys, in the order chosen
  var mapOpener = null;
  var mapViewButtons = [];

  function offersBodyMap(message) {
    return Boolean(message && message.custom && message.custom.body_map === true);
  }

  function offerBodyMap() {
    if (quickReplies.querySelector(".hcmc-map-offer")) return;
    var offer = el("button", "hcmc-map-offer");
    offer.type = "button";
    offer.setAttribute("aria-haspopup", "dialog");
    offer.appendChild(bodyIcon());
    offer.appendChild(el("span", "", t("map_offer")));
    offer.addEventListener("click", function () {
      openMap(offer);
    });
    quickReplies.insertBefore(offer, quickReplies.firstChild);
    quickReplies.hidden = false;
    keepInView();
  }

  function loadBodyMap() {
    if (!bodyMaps[language]) {
      bodyMaps[language] = fetch(scriptBase + "body-map/" + language + ".json")
        .then(function (response) {
          if (!response.ok) throw new Error("body map: HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          if (!data || !Array.isArray(data.views) || !Array.isArray(data.areas)) {
            throw new Error("body map: unexpected data");
          }
          return data;
        });
      bodyMaps[language].catch(function () {
        delete bodyMaps[language]; // tried again next time
      });
    }
    return bodyMaps[language];
  }

  function capitalised(text) {
    text = String(text);
    return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
  }

  function svgElement(tag, attributes) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  /* The pictures and the list, drawn once from the body map's data (as attributes and text
   * only: nothing from the server is parsed as markup). */
  function drawMap(data) {
    mapFigures.textContent = "";
    mapList.textContent = "";
    mapViews.textContent = "";
    mapAreas = [];
    mapPlaces = {};
    mapViewButtons = [];
    var viewBox = String(data.viewBox || "0 0 200 440");
    var box = viewBox.split(/[\s,]+/).map(Number);
    var ratio = box[2] > 0 && box[3] > 0 ? box[2] + " / " + box[3] : "200 / 440";
    data.views.forEach(function (view) {
      var viewId = String(view.id || "");
      var fallback = MESSAGES["map_" + viewId] ? t("map_" + viewId) : viewId;
      var viewLabel = String(view.label || fallback);
      var areas = data.areas.filter(function (area) {
        return area && String(area.view) === viewId;
      });

      var toggle = el("button", "hcmc-map-view", viewLabel);
      toggle.type = "button";
      toggle.setAttribute("data-view", viewId);
      toggle.addEventListener("click", function () {
        showView(viewId);
      });
      mapViews.appendChild(toggle);
      mapViewButtons.push(toggle);

      var figure = el("div", "hcmc-map-figure");
      figure.setAttribute("data-view", viewId);
      figure.setAttribute("aria-hidden", "true"); // the list below says all of it
      figure.appendChild(el("p", "hcmc-map-figure-label", viewLabel));
      var svg = svgElement("svg", { viewBox: viewBox, class: "hcmc-map-svg", focusable: "false" });
      svg.style.aspectRatio = ratio; // its height is set by the stylesheet, its width follows
      var hatch = "hcmc-map-hatch-" + viewId.replace(/[^a-z0-9_-]/gi, "");
      var defs = svgElement("defs", {});
      var pattern = svgElement("pattern", {
        id: hatch,
        width: "7",
        height: "7",
        patternUnits: "userSpaceOnUse",
        patternTransform: "rotate(45)",
      });
      pattern.appendChild(
        svgElement("rect", { width: "7", height: "7", class: "hcmc-map-hatch-ground" })
      );
      pattern.appendChild(
        svgElement("rect", { width: "2.5", height: "7", class: "hcmc-map-hatch-line" })
      );
      defs.appendChild(pattern);
      svg.appendChild(defs);
      svg.appendChild(
        svgElement("path", { d: String(view.outline || ""), class: "hcmc-map-outline" })
      );
      figure.appendChild(svg);
      // The patient's right and left under the picture: the front view is seen facing them.
      var sides = el("p", "hcmc-map-sides");
      var first = viewId === "back" ? "map_left" : "map_right";
      sides.appendChild(el("span", "", t(first)));
      sides.appendChild(el("span", "", t(first === "map_left" ? "map_right" : "map_left")));
      figure.appendChild(sides);
      mapFigures.appendChild(figure);

      var group = el("div", "hcmc-map-group");
      group.setAttribute("data-view", viewId);
      group.setAttribute("role", "group");
      var heading = el("h3", "hcmc-map-group-title", viewLabel);
      heading.id = "hcmc-map-group-" + viewId.replace(/[^a-z0-9_-]/gi, "");
      group.setAttribute("aria-labelledby", heading.id);
      group.appendChild(heading);
      var buttons = el("div", "hcmc-map-areas");
      group.appendChild(buttons);
      mapList.appendChild(group);

      areas.forEach(function (area) {
        var id = String(area.id);
        var label = capitalised(area.label || area.region);
        // "The top of the shoulder, left side, front view" under the heading "Front view": the
        // view is said by the group; the place is what the patient chooses.
        var suffix = (", " + viewLabel).toLocaleLowerCase(language);
        var ending = label.slice(-suffix.length).toLocaleLowerCase(language);
        var name = label.length > suffix.length && ending === suffix
          ? label.slice(0, -suffix.length)
          : label;
        var side = area.side === "left" || area.side === "right" ? area.side : null;
        var key = String(area.region) + "|" + (side || "");
        var place = mapPlaces[key];
        if (!place) {
          place = { key: key, region: String(area.region), side: side, name: name, entries: [] };
          mapPlaces[key] = place;
        }

        var path = svgElement("path", { d: String(area.d || ""), class: "hcmc-map-area" });
        path.setAttribute("data-area", id);
        path.setAttribute("data-hatch", hatch);
        var tooltip = svgElement("title", {});
        tooltip.textContent = name;
        path.appendChild(tooltip);
        svg.appendChild(path);

        var button = el("button", "hcmc-map-choice");
        button.type = "button";
        button.setAttribute("aria-pressed", "false");
        button.setAttribute("data-area", id);
        // The view too in its name, for a screen reader's list of buttons out of the group.
        if (name !== label) button.setAttribute("aria-label", label);
        var tick = el("span", "hcmc-map-tick", "✓");
        tick.setAttribute("aria-hidden", "true");
        button.appendChild(tick);
        button.appendChild(el("span", "", name));
        buttons.appendChild(button);

        var entry = { area: area, id: id, place: place, path: path, button: button };
        place.entries.push(entry);
        mapAreas.push(entry);
        path.addEventListener("click", function () {
          togglePlace(place);
        });
        button.addEventListener("click", function () {
          togglePlace(place);
        });
        // Pointing at either shows the other: the name of a shape, the shape of a name.
        [path, button].forEach(function (target) {
          target.addEventListener("mouseenter", function () {
            hintPlace(place, true);
          });
          target.addEventListener("mouseleave", function () {
            hintPlace(place, false);
          });
        });
        button.addEventListener("focus", function () {
          hintPlace(place, true);
        });
        button.addEventListener("blur", function () {
          hintPlace(place, false);
        });
      });
    });
    mapShown = language;
  }

  function hintPlace(place, on) {
    place.entries.forEach(function (entry) {
      entry.path.classList.toggle("hcmc-map-area-hint", on);
      entry.button.classList.toggle("hcmc-map-choice-hint", on);
    });
  }

  function showView(viewId) {
    mapBox.setAttribute("data-view", viewId);
    mapViewButtons.forEach(function (toggle) {
      toggle.setAttribute("aria-pressed", String(toggle.getAttribute("data-view") === viewId));
    });
  }

  function markArea(entry, on) {
    entry.button.setAttribute("aria-pressed", String(on));
    entry.path.classList.toggle("hcmc-map-area-on", on);
    // The hatching and a thick outline, not colour alone.
    if (on) entry.path.setAttribute("fill", "url(#" + entry.path.getAttribute("data-hatch") + ")");
    else entry.path.removeAttribute("fill");
  }

  function togglePlace(place) {
    var index = mapSelected.indexOf(place.key);
    if (index >= 0) mapSelected.splice(index, 1);
    else mapSelected.push(place.key);
    place.entries.forEach(function (entry) {
      markArea(entry, index < 0);
    });
    updateChosen();
  }

  function chosenPlaces() {
    return mapSelected.map(function (key) {
      return mapPlaces[key];
    });
  }

  /* The places in words, in the order chosen: "The front of the knee, left side; the lower back"
   * (the names have commas of their own). */
  function placesInWords(places, capitalFirst) {
    return places
      .map(function (place, index) {
        var name = place.name;
        if (index === 0 && capitalFirst) return name;
        return name.charAt(0).toLocaleLowerCase(language) + name.slice(1);
      })
      .join(t("map_separator"));
  }

  function updateChosen() {
    var places = chosenPlaces();
    mapChosen.textContent = places.length
      ? t("map_selected", { areas: placesInWords(places, false) })
      : t("map_none");
    mapConfirm.disabled = places.length === 0;
  }

  function resetMap() {
    mapSelected = [];
    mapAreas.forEach(function (entry) {
      markArea(entry, false);
    });
    Object.keys(mapPlaces).forEach(function (key) {
      hintPlace(mapPlaces[key], false);
    });
    updateChosen();
    showView("front");
  }

  /* Everything in the panel but the dialog is out of reach while it is open. */
  function setBackgroundInert(inert) {
    for (var i = 0; i < panel.children.length; i++) {
      if (panel.children[i] !== mapBox) panel.children[i].inert = inert;
    }
  }

  function isMapOpen() {
    return !mapBox.hidden;
  }

  function openMap(opener) {
    if (isMapOpen()) return;
    closeConfirm(false);
    mapOpener = opener || null;
    mapStatus.textContent = "";
    resetMap();
    mapBox.hidden = false;
    panel.classList.add("hcmc-mapping");
    setBackgroundInert(true);
    mapTitle.focus();
    if (mapShown === language) return;
    mapBox.setAttribute("aria-busy", "true");
    mapStatus.textContent = t("map_loading");
    loadBodyMap().then(
      function (data) {
        mapBox.removeAttribute("aria-busy");
        mapStatus.textContent = "";
        if (mapShown !== language) drawMap(data);
        resetMap();
      },
      function () {
        mapBox.removeAttribute("aria-busy");
        // The typed answer is still there: said in the conversation, the focus in the text box.
        closeMap(false);
        showNote(t("map_failed"));
        input.focus();
      }
    );
  }

  function closeMap(returnFocus) {
    if (!isMapOpen()) return;
    mapBox.hidden = true;
    panel.classList.remove("hcmc-mapping");
    setBackgroundInert(false);
    var opener = mapOpener;
    mapOpener = null;
    if (!returnFocus) return;
    if (opener && opener.isConnected && opener.getClientRects().length) opener.focus();
    else input.focus();
  }

  function confirmMap() {
    var chosen = chosenPlaces();
    if (!chosen.length) return;
    // As the typed answer: the regions once each, in the order chosen, and the side when one
    // was shown (left, right, or both when there are places on either side).
    var regions = [];
    var sides = [];
    chosen.forEach(function (place) {
      if (regions.indexOf(place.region) < 0) regions.push(place.region);
      if (place.side && sides.indexOf(place.side) < 0) sides.push(place.side);
    });
    var entities = { body_region: regions };
    if (sides.length) entities.pain_side = sides.length > 1 ? "both" : sides[0];
    // Each place with its own side ("knee_front:left"), for what the patient and staff see again
    // of this answer: the interview keeps one side for the whole answer.
    entities.body_map_place = chosen.map(function (place) {
      return place.side ? place.region + ":" + place.side : place.region;
    });
    if (!send("/describe_pain" + JSON.stringify(entities), placesInWords(chosen, true))) {
      mapStatus.textContent = t("offline");
      return;
    }
    closeMap(false);
    input.focus();
  }

  /* The focusable elements of the dialog, in order (those shown and enabled). */
  function mapFocusables() {
    return Array.prototype.filter.call(mapBox.querySelectorAll("button"), function (button) {
      return !button.disabled && button.getClientRects().length > 0;
    });
  }

  mapButton.addEventListener("click", function () {
    openMap(mapButton);
  });
  mapConfirm.addEventListener("click", confirmMap);
  mapCancel.addEventListener("click", function () {
    closeMap(true);
  });
  mapBox.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation(); // closes the map, not the chat
      closeMap(true);
      return;
    }
    if (event.key !== "Tab") return;
    // A modal dialog: Tab goes round inside it.
    var focusables = mapFocusables();
    if (!focusables.length) return;
    var first = focusables[0];
    var last = focusables[focusables.length - 1];
    var active = root.activeElement;
    if (event.shiftKey && (active === first || active === mapTitle || active === mapBox)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  });

  // ---- "Clear conversation" -----------------------------------------------------------------
  function openConfirm() {
    if (!socket.connected || !sessionId) {
      status.textContent = t("clear_failed");
      return;
    }
    confirmBox.hidden = false;
    clearButton.setAttribute("aria-expanded", "true");
    confirmCancel.focus(); // the safe choice first; the question is the group's name
  }

  function closeConfirm(moveFocus) {
    if (confirmBox.hidden) return;
    confirmBox.hidden = true;
    clearButton.setAttribute("aria-expanded", "false");
    if (moveFocus) clearButton.focus();
  }

  clearButton.addEventListener("click", function () {
    if (confirmBox.hidden) openConfirm();
    else closeConfirm(true);
  });
  confirmCancel.addEventListener("click", function () {
    closeConfirm(true);
  });
  confirmErase.addEventListener("click", function () {
    closeConfirm(false);
    if (!socket.connected || !sessionId) {
      status.textContent = t("clear_failed");
      clearButton.focus();
      return;
    }
    socket.emit("erase_session", {}); // the server erases this socket's checked session
    input.focus();
  });

  // ---- the character counter ----------------------------------------------------------------
  function tooLong() {
    return input.value.trim().length > MAX_MESSAGE_CHARS;
  }

  function updateCounter() {
    var count = input.value.trim().length;
    var over = count > MAX_MESSAGE_CHARS;
    counter.hidden = count < COUNTER_FROM;
    counter.textContent = t("counter", { count: number(count), max: number(MAX_MESSAGE_CHARS) });
    counter.classList.toggle("hcmc-counter-over", over);
    if (over) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    var warning = t("too_long", { max: number(MAX_MESSAGE_CHARS) });
    if (over && status.textContent !== warning) status.textContent = warning;
    else if (!over && status.textContent === warning) status.textContent = "";
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
      following = true;
      keepInView();
      if (moveFocus) input.focus();
      greetIfNew();
    } else {
      closeConfirm(false);
      closeMap(false);
      if (moveFocus) launcher.focus();
    }
  }

  launcher.addEventListener("click", function () {
    setOpen(true, true);
  });
  closeButton.addEventListener("click", function () {
    setOpen(false, true);
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    // Escape in the question answers "Cancel"; elsewhere it closes the panel.
    if (!confirmBox.hidden && confirmBox.contains(root.activeElement)) closeConfirm(true);
    else setOpen(false, true);
  });
  input.addEventListener("input", updateCounter);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    if (tooLong()) {
      // Refused with a word, the whole text kept for the patient to shorten: never cut.
      updateCounter();
      status.textContent = t("too_long", { max: number(MAX_MESSAGE_CHARS) });
      input.focus();
      return;
    }
    if (send(text, text)) {
      input.value = "";
      updateCounter();
    }
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
