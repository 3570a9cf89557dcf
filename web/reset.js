// Reset wizard (SPEC §4, §5): user ID + CAPTCHA -> "why can't you sign in?" (only when the
// flow can unlock) -> gate 1 (and gate 2 when two are required) -> new password twice with live
// feedback -> done (or unlock -> done). Every refusal that ends the way forward is shown as an
// error page with the localised user text, the technical line, the support code and the time.
// The flow lives on the server (/api/v1/reset/flows/...); this page keeps only its last view.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const steps = ["start-step", "why-step", "method-step", "phone-step", "code-step",
                 "questions-step", "send-failed-step", "password-step", "unlock-step",
                 "done-step", "error-step"];
  const codeDigits = { email: 8, mobile_phone: 6, office_phone: 6, app_code: 6 };
  // Refusals about what was typed: shown beside the field, the flow goes on.
  const fieldErrors = [
    "InvalidInput", "InvalidUserPrincipalName", "CaptchaInvalid", "CaptchaExpired",
    "CaptchaReplayed", "PhoneNumberMismatch", "InvalidPhoneNumber", "PhoneNumberNeedsCountryCode",
    "InvalidChannel", "OfficePhoneVoiceOnly", "InvalidVerificationCode", "VerificationCodeLocked",
    "VerificationCodeExpired", "VerificationCodeUsed", "NoChallengePending",
    "IncorrectSecurityAnswers", "GateAlreadyPassed", "PasswordPolicyViolation",
    "FuzzyPolicyViolationInvalidPassword", "OnPremisesPolicyViolation",
  ];
  const feedbackDelayMs = 350;

  let texts = {};
  let flow = null;        // the flow as the server last described it
  let reason = "forgot";  // the answer to "why can't you sign in?"
  let chosen = null;      // {method, channel, phone}: the gate being attempted
  let liveFeedback = true;
  let feedbackTimer = null;
  let feedbackSequence = 0;
  let retryTimer = null;

  function t(key, values) {
    return window.ssprApi.format(texts, key, values);
  }

  function call(method, path, body) {
    return window.ssprApi.call(method, path, body);
  }

  function flowPath(suffix) {
    return "/api/v1/reset/flows/" + encodeURIComponent(flow.id) + (suffix || "");
  }

  function errorOf(result) {
    const error = result.body && result.body.error;
    return error || { code: "", name: "", message: t("page.common.error") };
  }

  function isFieldError(result) {
    return fieldErrors.includes(errorOf(result).name);
  }

  // --- Steps: one visible at a time; focus goes to its heading so it is announced ---

  function showStep(id) {
    steps.forEach((step) => ($(step).hidden = step !== id));
    $(id).querySelectorAll(".field-error").forEach((element) => (element.textContent = ""));
    $(id).querySelectorAll("[aria-invalid]").forEach((element) =>
      element.removeAttribute("aria-invalid"));
    const heading = $(id).querySelector("h1");
    if (heading) heading.focus();
  }

  function setBusy(form, busy) {
    form.querySelectorAll("button").forEach((button) => (button.disabled = busy));
    form.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function fieldError(errorId, input, error, extraLines) {
    const box = $(errorId);
    box.textContent = error.message;
    if (extraLines && extraLines.length) {
      const list = document.createElement("ul");
      extraLines.forEach((line) => {
        const item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
    }
  }

  // "SSPR_0012: UserNotLicensed: ..." as the server writes it; prefixed with the code when not.
  function technicalLine(error) {
    const technical = error.technical || error.name || "";
    if (!error.code || technical.startsWith(error.code)) return technical;
    return error.code + ": " + technical;
  }

  function showError(result) {
    const error = errorOf(result);
    clearRetryTimer();
    showStep("error-step");
    $("error-message").textContent = error.message || t("page.common.error");
    $("error-technical").textContent = technicalLine(error);
    $("error-support-code").textContent = error.support_code || "";
    $("error-time").textContent = error.timestamp || new Date().toISOString();
    $("error-details").hidden = !error.code && !error.support_code;
    $("copy-status").textContent = "";
  }

  // --- Step 1: user ID and CAPTCHA ---

  $("start-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = $("start-form");
    const input = $("user-id");
    $("start-error").textContent = "";
    input.removeAttribute("aria-invalid");
    const userId = input.value.trim();
    if (!userId) {
      return fieldError("start-error", input, { message: t("page.reset.user_id_missing") });
    }
    setBusy(form, true);
    let captcha;
    try {
      captcha = await window.ssprCaptcha.solve($("captcha-status"));
    } catch (failed) {
      setBusy(form, false);
      return fieldError("start-error", null, { message: t("page.captcha.failed") });
    }
    const result = await call("POST", "/api/v1/reset/flows", { user_id: userId, captcha: captcha });
    setBusy(form, false);
    $("captcha-status").textContent = "";
    if (!result.ok) {
      if (isFieldError(result)) return fieldError("start-error", input, errorOf(result));
      return showError(result);
    }
    flow = result.body;
    reason = "forgot";
    if (flow.can_unlock) {
      $("reason-forgot").checked = true;
      return showStep("why-step");
    }
    nextAfterVerification();
  });

  // --- Step 2: why ---

  $("why-form").addEventListener("submit", (event) => {
    event.preventDefault();
    reason = $("why-form").querySelector("input[name=reason]:checked").value;
    nextAfterVerification();
  });

  // --- Gates ---

  function methodLabel(method) {
    const type = t("page.method." + method.type);
    const name = type.startsWith("page.method.") ? method.type : type;
    return method.masked ? name + " (" + method.masked + ")" : name;
  }

  function gateHeading() {
    const passed = (flow.gates_passed || []).length;
    return t("page.reset.gate_heading", { n: passed + 1, total: flow.gates_required || 1 });
  }

  // The step that follows the flow's state: another gate, the password, or the unlock.
  function nextAfterVerification() {
    if (flow.state === "verified") {
      if (reason === "locked_out" && flow.can_unlock) return showStep("unlock-step");
      return showPassword();
    }
    showMethods();
  }

  function showMethods() {
    const passedTypes = flow.gates_passed || [];
    const methods = (flow.methods || []).filter((method) => !passedTypes.includes(method.type));
    const list = $("method-list");
    list.textContent = "";
    methods.forEach((method, index) => {
      const label = document.createElement("label");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "method";
      radio.value = method.id;
      radio.id = "method-" + index;
      radio.checked = index === 0;
      const text = document.createElement("span");
      text.textContent = methodLabel(method);
      label.append(radio, " ", text);
      list.appendChild(label);
    });
    $("method-heading").textContent = gateHeading();
    showStep("method-step");
    $("method-submit").disabled = methods.length === 0;
    if (methods.length === 0) $("method-error").textContent = t("page.reset.no_methods");
  }

  function selectedMethod() {
    const radio = $("method-form").querySelector("input[name=method]:checked");
    return radio ? flow.methods.find((method) => method.id === radio.value) : null;
  }

  $("method-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const method = selectedMethod();
    if (!method) return;
    chosen = { method: method, channel: "", phone: "" };
    if (method.type === "mobile_phone" || method.type === "office_phone") return showPhone();
    sendChallenge($("method-form"), "method-error", null);
  });

  function showPhone() {
    const method = chosen.method;
    const channels = method.channels && method.channels.length ? method.channels : ["voice"];
    $("phone-heading").textContent = gateHeading();
    $("phone-prompt").textContent = t("page.reset.phone_prompt", { masked: method.masked });
    $("phone").value = "";
    const choice = channels.length > 1;
    $("channel-choice").hidden = !choice;
    $("voice-only").hidden = choice || channels[0] !== "voice";
    $("channel-sms").checked = channels.includes("sms");
    $("channel-voice").checked = !channels.includes("sms");
    showStep("phone-step");
  }

  $("phone-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const phone = $("phone").value.trim();
    if (!phone) {
      return fieldError("phone-error", $("phone"), { message: t("page.reset.phone_missing") });
    }
    const channels = chosen.method.channels || [];
    chosen.phone = phone;
    chosen.channel = channels.length > 1
      ? $("phone-form").querySelector("input[name=channel]:checked").value
      : (channels[0] || "voice");
    sendChallenge($("phone-form"), "phone-error", $("phone"));
  });

  // Asks the server for the chosen method's challenge: a code sent, the app's code, or the
  // questions. A failed send leads to "try again" / "contact your administrator".
  async function sendChallenge(form, errorId, input) {
    const body = { method_id: chosen.method.id };
    if (chosen.channel) body.channel = chosen.channel;
    if (chosen.phone) body.phone = chosen.phone;
    if (form) setBusy(form, true);
    const result = await call("POST", flowPath("/challenge"), body);
    if (form) setBusy(form, false);
    if (!result.ok) {
      const error = errorOf(result);
      if (error.retry_after_seconds !== undefined || error.name === "NotificationFailed") {
        return showSendFailed(error);
      }
      if (form && isFieldError(result)) return fieldError(errorId, input, error);
      return showError(result);
    }
    const answer = result.body || {};
    if (chosen.method.type === "security_questions") return showQuestions(answer.questions || []);
    showCode(answer.sent_to || "");
  }

  function showCode(sentTo) {
    const type = chosen.method.type;
    const digits = codeDigits[type] || 6;
    $("code-heading").textContent = gateHeading();
    $("code-prompt").textContent = type === "app_code"
      ? t("page.reset.app_prompt")
      : t(chosen.channel === "voice" ? "page.reset.code_called" : "page.reset.code_sent",
          { to: sentTo || chosen.method.masked, digits: digits });
    $("code").value = "";
    $("code").maxLength = digits;
    showStep("code-step");
  }

  $("code-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const code = $("code").value.trim();
    if (!code) {
      return fieldError("code-error", $("code"), { message: t("page.reset.code_missing") });
    }
    verify($("code-form"), "code-error", $("code"), { method_id: chosen.method.id, code: code });
  });

  function showQuestions(questions) {
    const rows = $("question-rows");
    rows.textContent = "";
    questions.forEach((question, index) => {
      const label = document.createElement("label");
      label.htmlFor = "answer-" + index;
      label.textContent = question.text;
      const answer = document.createElement("input");
      answer.id = "answer-" + index;
      answer.type = "text";
      answer.autocomplete = "off";
      answer.required = true;
      answer.dataset.questionId = question.id;
      answer.setAttribute("aria-describedby", "questions-error");
      rows.append(label, answer);
    });
    $("questions-heading").textContent = gateHeading();
    showStep("questions-step");
  }

  $("questions-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const inputs = Array.from($("question-rows").querySelectorAll("input"));
    const empty = inputs.find((input) => !input.value.trim());
    if (empty) {
      return fieldError("questions-error", empty, { message: t("page.reset.answer_missing") });
    }
    const answers = inputs.map((input) => ({
      question_id: input.dataset.questionId,
      answer: input.value,
    }));
    verify($("questions-form"), "questions-error", inputs[0],
           { method_id: chosen.method.id, answers: answers });
  });

  async function verify(form, errorId, input, body) {
    setBusy(form, true);
    const result = await call("POST", flowPath("/verify"), body);
    setBusy(form, false);
    if (!result.ok) {
      if (isFieldError(result)) return fieldError(errorId, input, errorOf(result));
      return showError(result);
    }
    flow = result.body;
    chosen = null;
    nextAfterVerification();
  }

  document.querySelectorAll(".other-method").forEach((button) =>
    button.addEventListener("click", () => {
      clearRetryTimer();
      showMethods();
    }));

  // --- A failed send: wait, then try again or contact the administrator (SPEC §5.6) ---

  function clearRetryTimer() {
    if (retryTimer) window.clearInterval(retryTimer);
    retryTimer = null;
  }

  function showSendFailed(error) {
    clearRetryTimer();
    showStep("send-failed-step");
    $("send-failed-message").textContent = error.message || t("page.common.error");
    $("retry-send").hidden = true;
    $("contact-admin").hidden = true;
    $("contact-result").textContent = "";
    let seconds = Number(error.retry_after_seconds);
    if (!Number.isFinite(seconds) || seconds < 0) seconds = 10;
    const canContact = error.can_contact_admin === true;
    const tick = () => {
      if (seconds > 0) {
        $("send-failed-wait").textContent = t("page.reset.retry_wait", { seconds: seconds });
        seconds -= 1;
        return;
      }
      clearRetryTimer();
      $("send-failed-wait").textContent = "";
      $("retry-send").hidden = false;
      $("contact-admin").hidden = !canContact;
      $("retry-send").focus();
    };
    tick();
    if (!$("retry-send").hidden) return;
    retryTimer = window.setInterval(tick, 1000);
  }

  $("retry-send").addEventListener("click", () => {
    if (!chosen) return showMethods();
    sendChallenge(null, null, null);
  });

  $("contact-admin").addEventListener("click", async () => {
    $("contact-admin").disabled = true;
    const result = await call("POST", flowPath("/contact-admin"), {});
    $("contact-admin").disabled = false;
    if (!result.ok) return showError(result);
    $("contact-admin").hidden = true;
    $("contact-result").textContent = t("page.reset.admin_contacted");
  });

  // --- The new password, with live feedback from the evaluation endpoint ---

  function showPassword() {
    $("new-password").value = "";
    $("confirm-password").value = "";
    $("feedback-summary").textContent = "";
    $("feedback-list").textContent = "";
    $("confirm-feedback").textContent = "";
    showStep("password-step");
  }

  function renderFeedback(assessment) {
    const summary = $("feedback-summary");
    const list = $("feedback-list");
    list.textContent = "";
    summary.className = assessment.accepted ? "ok-text" : "field-error";
    summary.textContent = t(assessment.accepted ? "page.reset.password_acceptable"
                                                : "page.reset.password_not_acceptable");
    const lines = (assessment.messages || []).slice();
    const strength = assessment.strength;
    if (strength && Array.isArray(strength.suggestions)) lines.push(...strength.suggestions);
    lines.forEach((line) => {
      const item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
  }

  function clearFeedback() {
    $("feedback-summary").textContent = "";
    $("feedback-list").textContent = "";
  }

  async function evaluateNow(password, sequence) {
    const result = await call("POST", flowPath("/password/evaluate"), { password: password });
    if (sequence !== feedbackSequence) return;  // typed on since: a newer answer follows
    if (result.status === 404 || result.status === 405) {
      liveFeedback = false;  // a server without live evaluation: the check happens on submit
      return clearFeedback();
    }
    if (result.ok && result.body) renderFeedback(result.body);
  }

  function checkMatch() {
    const confirm = $("confirm-password").value;
    const mismatch = confirm !== "" && confirm !== $("new-password").value;
    $("confirm-feedback").textContent = mismatch ? t("page.reset.mismatch") : "";
    if (mismatch) $("confirm-password").setAttribute("aria-invalid", "true");
    else $("confirm-password").removeAttribute("aria-invalid");
    return !mismatch;
  }

  $("new-password").addEventListener("input", () => {
    if ($("confirm-password").value) checkMatch();
    if (!liveFeedback) return;
    if (feedbackTimer) window.clearTimeout(feedbackTimer);
    feedbackSequence += 1;
    const sequence = feedbackSequence;
    const password = $("new-password").value;
    if (!password) return clearFeedback();
    feedbackTimer = window.setTimeout(() => evaluateNow(password, sequence), feedbackDelayMs);
  });

  $("confirm-password").addEventListener("input", checkMatch);

  $("password-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = $("password-form");
    $("password-error").textContent = "";
    const password = $("new-password").value;
    if (!password) {
      return fieldError("password-error", $("new-password"),
                        { message: t("page.reset.password_missing") });
    }
    if ($("confirm-password").value !== password) {
      checkMatch();
      return fieldError("password-error", $("confirm-password"),
                        { message: t("page.reset.mismatch") });
    }
    setBusy(form, true);
    const result = await call("POST", flowPath("/password"), { password: password });
    setBusy(form, false);
    if (!result.ok) {
      const error = errorOf(result);
      if (isFieldError(result)) {
        $("confirm-password").value = "";
        return fieldError("password-error", $("new-password"), error, error.messages);
      }
      return showError(result);
    }
    flow = result.body;
    $("new-password").value = "";
    $("confirm-password").value = "";
    showDone("page.reset.done_heading", "page.reset.done_text");
  });

  // --- Unlock ---

  $("unlock").addEventListener("click", async () => {
    $("unlock").disabled = true;
    const result = await call("POST", flowPath("/unlock"), {});
    $("unlock").disabled = false;
    if (!result.ok) return showError(result);
    flow = result.body;
    showDone("page.reset.unlocked_heading", "page.reset.unlocked_text");
  });

  function showDone(headingKey, textKey) {
    $("done-heading").textContent = t(headingKey);
    $("done-text").textContent = t(textKey);
    showStep("done-step");
  }

  // --- The error page ---

  $("copy-details").addEventListener("click", () => {
    const text = [
      $("error-message").textContent,
      t("page.reset.technical") + ": " + $("error-technical").textContent,
      t("page.reset.support_code") + ": " + $("error-support-code").textContent,
      t("page.reset.time") + ": " + $("error-time").textContent,
    ].join("\n");
    const copied = () => ($("copy-status").textContent = t("page.reset.copied"));
    const selectDetails = () => {
      // No clipboard access: select the details so the user can copy them by hand.
      const range = document.createRange();
      range.selectNodeContents($("error-details"));
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      $("copy-status").textContent = t("page.reset.copy_by_hand");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(copied, selectDetails);
    } else {
      selectDetails();
    }
  });

  $("start-again").addEventListener("click", () => {
    flow = null;
    chosen = null;
    reason = "forgot";
    liveFeedback = true;
    showStep("start-step");
  });

  window.ssprTexts.then((messages) => {
    texts = messages;
    $("user-id").focus();
  });
})();
