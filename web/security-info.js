// Security-info page (SPEC §3): lists the signed-in user's methods and registration status, and
// adds, changes and removes methods through /api/v1/me/... Phone and email are saved only after
// the code sent to them is entered; the authenticator app after its first code. Every
// state-changing call sends the session's CSRF token in X-CSRF-Token.
"use strict";

(function () {
  let csrfToken = "";
  let texts = {};
  let info = null;
  let pending = null; // {id, type, start: the form to go back to when the registration died}
  const $ = (id) => document.getElementById(id);
  const steps = ["chooser-form", "phone-form", "email-form", "verify-form", "questions-form"];
  const methodOrder = ["mobile_phone", "office_phone", "email", "app_code", "security_questions"];
  // Verification refusals after which the pending registration is dead (start again).
  const challengeOver = [
    "VerificationCodeLocked", "VerificationCodeExpired", "VerificationCodeUsed",
  ];

  function t(key, values) {
    return window.ssprApi.format(texts, key, values);
  }

  function call(method, path, body) {
    return window.ssprApi.call(method, path, body, csrfToken).then((result) => {
      if (result.status === 401) goToSignIn();
      return result;
    });
  }

  function goToSignIn() {
    window.location.assign(window.ssprApi.withLanguage("/signin.html"));
  }

  function errorOf(result) {
    const error = result.body && result.body.error;
    return error || { message: t("page.common.error") };
  }

  function showMessage(text, ok) {
    const box = $("message");
    box.textContent = text;
    box.className = ok ? "ok" : "";
  }

  // --- Steps (one form visible at a time; focus goes to the step's first field) ---

  function clearFieldErrors(form) {
    form.querySelectorAll(".field-error").forEach((element) => (element.textContent = ""));
    form.querySelectorAll("[aria-invalid]").forEach((element) =>
      element.removeAttribute("aria-invalid"));
  }

  function showStep(id, focusId) {
    steps.forEach((step) => ($(step).hidden = step !== id));
    $("add-method").hidden = id !== null;
    if (id === null) return;
    clearFieldErrors($(id));
    const first = focusId ? $(focusId) : $(id).querySelector("select, input:not([type=radio])");
    if (first) first.focus();
  }

  function closeSteps() {
    pending = null;
    showStep(null);
  }

  function fieldError(form, errorId, result, fallbackInput) {
    const error = errorOf(result);
    $(errorId).textContent = error.message;
    let input = fallbackInput;
    const field = error.field || "";
    const answer = /^answers\[(\d+)\]$/.exec(field);
    if (answer) input = form.querySelector("#answer-" + answer[1]) || input;
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
    }
  }

  // --- The list ---

  function methodLabel(type) {
    return t("page.method." + type);
  }

  function actionButton(key, label, handler) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary small";
    button.textContent = t(key);
    button.setAttribute("aria-label", t(key) + ": " + label);
    button.addEventListener("click", handler);
    return button;
  }

  function methodItem(type, display, onChange, onDelete) {
    const item = document.createElement("li");
    item.dataset.type = type;
    const text = document.createElement("div");
    const label = document.createElement("strong");
    label.className = "method-type";
    label.textContent = methodLabel(type);
    const value = document.createElement("span");
    value.className = "method-display";
    value.textContent = display;
    text.append(label, value);
    const buttons = document.createElement("div");
    buttons.className = "actions";
    buttons.append(actionButton("page.security.change", methodLabel(type), onChange),
                   actionButton("page.security.delete", methodLabel(type), onDelete));
    item.append(text, buttons);
    return item;
  }

  function render() {
    const list = $("method-list");
    list.textContent = "";
    const methods = info.methods.slice().sort((a, b) =>
      methodOrder.indexOf(a.type) - methodOrder.indexOf(b.type));
    methods.forEach((method) => {
      list.appendChild(methodItem(method.type, method.display, () => startType(method.type),
                                  () => deleteMethod(method)));
    });
    const questions = info.security_questions || { registered: 0 };
    if (questions.registered > 0) {
      const count = t("page.security.questions_count", { count: questions.registered });
      list.appendChild(methodItem("security_questions", count,
                                  () => startType("security_questions"), deleteQuestions));
    }
    $("no-methods").hidden = list.children.length > 0;

    const registration = info.registration || { registered: false, missing: [] };
    $("status").hidden = false;
    $("status-registered").hidden = !registration.registered;
    $("status-missing").hidden = registration.registered;
    const missing = $("missing-list");
    missing.textContent = "";
    (registration.missing || []).forEach((line) => {
      const item = document.createElement("li");
      item.textContent = line;
      missing.appendChild(item);
    });
    $("reconfirm").hidden = !registration.reconfirm_due;
    // Asked to register at sign-in: once done, "Cancel" becomes "Continue".
    const done = registration.registered && !registration.reconfirm_due;
    $("required-text").hidden = done;
    $("required-done").hidden = !done;
    $("cancel-registration").hidden = done;
    $("continue-registration").hidden = !done;

    const chooser = $("method-type");
    chooser.textContent = "";
    methodOrder.filter((type) => (info.policy.allowed || []).includes(type)).forEach((type) => {
      const option = document.createElement("option");
      option.value = type;
      option.textContent = methodLabel(type);
      chooser.appendChild(option);
    });
    $("add-method").disabled = chooser.children.length === 0;
  }

  function load() {
    return call("GET", "/api/v1/me/security-info").then((result) => {
      if (!result.ok) {
        if (result.status !== 401) showMessage(errorOf(result).message, false);
        return;
      }
      info = result.body;
      render();
    });
  }

  function afterSave(messageKey) {
    closeSteps();
    return load().then(() => {
      showMessage(t(messageKey), true);
      $("heading").focus();
    });
  }

  // --- Adding and changing ---

  function startType(type) {
    showMessage("", true);
    if (type === "mobile_phone" || type === "office_phone") return startPhone(type);
    if (type === "email") {
      $("email").value = "";
      return showStep("email-form");
    }
    if (type === "app_code") return startApp();
    if (type === "security_questions") return startQuestions();
  }

  function startPhone(type) {
    const form = $("phone-form");
    form.dataset.type = type;
    $("phone-legend").textContent = methodLabel(type);
    $("phone").value = "";
    const office = type === "office_phone";
    $("channel-choice").hidden = office;
    $("office-voice-only").hidden = !office;
    $("channel-sms").checked = !office;
    $("channel-voice").checked = office;
    showStep("phone-form");
  }

  function base64(text) {
    let binary = "";
    new TextEncoder().encode(text).forEach((byte) => (binary += String.fromCharCode(byte)));
    return window.btoa(binary);
  }

  function showVerify(type, answer, codeLength, start) {
    pending = { id: answer.pending_id, type: type, start: start };
    $("verify-legend").textContent = methodLabel(type);
    const app = type === "app_code";
    $("app-setup").hidden = !app;
    if (app) {
      $("app-qr").src = "data:image/svg+xml;base64," + base64(answer.qr_svg);
      $("app-qr").alt = t("page.security.app_qr_alt");
      $("app-secret").textContent = answer.secret;
      $("app-link").href = answer.otpauth_uri;
    }
    $("code-sent").hidden = !answer.sent_to;
    $("code-sent").textContent =
      answer.sent_to ? t("page.security.code_sent", { to: answer.sent_to }) : "";
    $("code-warning").hidden = !answer.warning;
    $("code-warning").textContent = answer.warning || "";
    $("code-hint").textContent = t("page.security.code_hint", { digits: codeLength });
    const code = $("code");
    code.value = "";
    code.maxLength = codeLength;
    showStep("verify-form", "code");
  }

  function startApp() {
    showStep(null);
    call("POST", "/api/v1/me/methods", { type: "app_code" }).then((result) => {
      if (!result.ok) {
        showMessage(errorOf(result).message, false);
        return;
      }
      showVerify("app_code", result.body, 6, null);
    });
  }

  $("phone-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = $("phone-form");
    clearFieldErrors(form);
    const type = form.dataset.type;
    const channel = type === "office_phone" ? "voice"
      : form.querySelector("input[name=channel]:checked").value;
    call("POST", "/api/v1/me/methods", { type: type, phone: $("phone").value, channel: channel })
      .then((result) => {
        if (!result.ok) return fieldError(form, "phone-error", result, $("phone"));
        showVerify(type, result.body, 6, "phone-form");
      });
  });

  $("email-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = $("email-form");
    clearFieldErrors(form);
    call("POST", "/api/v1/me/methods", { type: "email", email: $("email").value })
      .then((result) => {
        if (!result.ok) return fieldError(form, "email-error", result, $("email"));
        showVerify("email", result.body, 8, "email-form");
      });
  });

  $("verify-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = $("verify-form");
    clearFieldErrors(form);
    if (!pending) return;
    const current = pending;
    call("POST", "/api/v1/me/methods/pending/" + encodeURIComponent(current.id) + "/verify",
         { code: $("code").value.trim() })
      .then((result) => {
        if (result.ok) return afterSave("page.security.saved");
        const error = errorOf(result);
        const over = result.status === 404 || challengeOver.includes(error.name);
        if (!over) return fieldError(form, "code-error", result, $("code"));
        // Too many wrong codes, expired or used: this registration is over, start again.
        if (current.start) {
          showStep(current.start);
          $(current.start.replace("-form", "-error")).textContent = error.message;
        } else {
          closeSteps();
          showMessage(error.message, false);
        }
      });
  });

  // --- Security questions ---

  function syncQuestionChoices() {
    const selects = Array.from(document.querySelectorAll("#question-rows select"));
    const chosen = selects.map((select) => select.value);
    selects.forEach((select, index) => {
      Array.from(select.options).forEach((option) => {
        option.disabled = option.value !== "" &&
          chosen.some((value, other) => other !== index && value === option.value);
      });
    });
  }

  function startQuestions() {
    showStep(null);
    call("GET", "/api/v1/me/security-questions/available").then((result) => {
      if (!result.ok) {
        showMessage(errorOf(result).message, false);
        return;
      }
      const count = info.policy.questions_to_register || 3;
      const rows = $("question-rows");
      rows.textContent = "";
      $("questions-legend").textContent = t("page.security.questions_legend", { count: count });
      for (let index = 0; index < count; index += 1) {
        const row = document.createElement("div");
        row.className = "question-row";
        const questionLabel = document.createElement("label");
        questionLabel.htmlFor = "question-" + index;
        questionLabel.textContent = t("page.security.question_label", { n: index + 1 });
        const select = document.createElement("select");
        select.id = "question-" + index;
        select.required = true;
        const placeholder = document.createElement("option");
        placeholder.value = "";
        placeholder.textContent = t("page.security.choose_question");
        select.appendChild(placeholder);
        result.body.questions.forEach((question) => {
          const option = document.createElement("option");
          option.value = question.id;
          option.textContent = question.text;
          select.appendChild(option);
        });
        select.addEventListener("change", syncQuestionChoices);
        const answerLabel = document.createElement("label");
        answerLabel.htmlFor = "answer-" + index;
        answerLabel.textContent = t("page.security.answer_label", { n: index + 1 });
        const answer = document.createElement("input");
        answer.id = "answer-" + index;
        answer.type = "text";
        answer.autocomplete = "off";
        answer.required = true;
        answer.setAttribute("aria-describedby", "questions-error");
        row.append(questionLabel, select, answerLabel, answer);
        rows.appendChild(row);
      }
      showStep("questions-form");
    });
  }

  $("questions-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = $("questions-form");
    clearFieldErrors(form);
    const selects = Array.from(form.querySelectorAll("select"));
    const unchosen = selects.find((select) => select.value === "");
    if (unchosen) {
      $("questions-error").textContent = t("page.security.choose_every_question");
      unchosen.setAttribute("aria-invalid", "true");
      unchosen.focus();
      return;
    }
    const answers = selects.map((select, index) => ({
      question_id: select.value,
      answer: $("answer-" + index).value,
    }));
    call("PUT", "/api/v1/me/security-questions", { answers: answers }).then((result) => {
      if (result.ok) return afterSave("page.security.saved");
      fieldError(form, "questions-error", result, selects[0]);
    });
  });

  // --- Deleting, confirming ---

  function deleteMethod(method) {
    showMessage("", true);
    call("DELETE", "/api/v1/me/methods/" + encodeURIComponent(method.id)).then((result) => {
      if (result.ok) return afterSave("page.security.deleted");
      showMessage(errorOf(result).message, false);
    });
  }

  function deleteQuestions() {
    showMessage("", true);
    call("DELETE", "/api/v1/me/security-questions").then((result) => {
      if (result.ok) return afterSave("page.security.deleted");
      showMessage(errorOf(result).message, false);
    });
  }

  $("confirm-info").addEventListener("click", () => {
    call("POST", "/api/v1/me/security-info/confirm").then((result) => {
      if (!result.ok) return showMessage(errorOf(result).message, false);
      return load().then(() => {
        showMessage(t("page.security.confirmed"), true);
        $("heading").focus();
      });
    });
  });

  $("add-method").addEventListener("click", () => {
    showMessage("", true);
    showStep("chooser-form");
  });

  $("chooser-form").addEventListener("submit", (event) => {
    event.preventDefault();
    startType($("method-type").value);
  });

  document.querySelectorAll(".cancel-step").forEach((button) =>
    button.addEventListener("click", () => {
      closeSteps();
      $("add-method").focus();
    }));

  $("sign-out").addEventListener("click", () => {
    call("DELETE", "/api/v1/session").then(goToSignIn);
  });

  $("password-link").href = window.ssprApi.withLanguage("/signin.html");
  $("cancel-registration").href = window.ssprApi.withLanguage("/signin.html");
  $("continue-registration").href = window.ssprApi.withLanguage("/signin.html");

  window.ssprTexts.then((messages) => {
    texts = messages;
    return call("GET", "/api/v1/session");
  }).then((result) => {
    if (!result.ok) return; // 401: on the way to the sign-in page
    csrfToken = result.body.csrf_token;
    $("signed-in-name").textContent = result.body.user.display_name || result.body.user.upn;
    $("required-notice").hidden = !result.body.registration_required;
    return load();
  });
})();
