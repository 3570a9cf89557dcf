// The proof-of-work CAPTCHA for the pages (the reset page calls it before starting a flow).
//
//   const captcha = await window.ssprCaptcha.solve(statusElement);
//   fetch("/api/v1/reset/flows", {method: "POST", body: JSON.stringify({user_id, captcha}), ...})
//
// solve() fetches a challenge from GET /api/v1/captcha, runs captcha-worker.js in a Web Worker
// (so the page stays responsive), and resolves to the `captcha` object of CONTRACT.md:
// {algorithm, challenge, number, salt, signature}. It rejects with an Error when the challenge
// cannot be fetched or solved. `statusElement` (optional) gets role="status" and
// aria-live="polite" and shows the localised progress (page.captcha.* texts) so screen readers
// announce it. Needs `worker-src 'self'` in the page CSP (http/security_headers.h).
"use strict";

window.ssprCaptcha = (function () {
  function texts() {
    return window.ssprTexts ? window.ssprTexts.catch(() => ({})) : Promise.resolve({});
  }

  function show(element, messages, key, fallback) {
    if (!element) return;
    element.setAttribute("role", "status");
    element.setAttribute("aria-live", "polite");
    element.textContent = messages[key] || fallback;
  }

  function runWorker(challenge, onProgress) {
    return new Promise((resolve, reject) => {
      const worker = new Worker("/captcha-worker.js");
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.type === "progress") {
          onProgress(message.tried, message.maxnumber);
          return;
        }
        worker.terminate();
        if (message.type === "solved") resolve(message.number);
        else reject(new Error(message.reason || "CAPTCHA not solved"));
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message || "CAPTCHA worker failed"));
      };
      worker.postMessage(challenge);
    });
  }

  async function solve(statusElement) {
    const messages = await texts();
    show(statusElement, messages, "page.captcha.working", "Checking that you're not a robot…");
    try {
      const response = await fetch("/api/v1/captcha", {
        credentials: "same-origin",
        cache: "no-store",
      });
      if (!response.ok) throw new Error("GET /api/v1/captcha answered " + response.status);
      const challenge = await response.json();
      let announced = 0;
      const number = await runWorker(challenge, (tried, maxnumber) => {
        // Say something at most every quarter, so a screen reader is not flooded.
        const quarter = Math.floor((4 * tried) / Math.max(1, maxnumber));
        if (quarter > announced && quarter < 4) {
          announced = quarter;
          show(statusElement, messages, "page.captcha.working", "Checking that you're not a robot…");
          if (statusElement) statusElement.textContent += " " + quarter * 25 + "%";
        }
      });
      show(statusElement, messages, "page.captcha.done", "Check complete.");
      return {
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        number,
        salt: challenge.salt,
        signature: challenge.signature,
      };
    } catch (error) {
      show(statusElement, messages, "page.captcha.failed", "The check failed. Reload the page.");
      throw error;
    }
  }

  return { solve };
})();
