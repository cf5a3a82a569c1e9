// "Was this information useful?" (Decree 42/2022/ND-CP, Art. 8): where scripts run, the answer is sent in place and
// the thanks shown under the question; without scripts the form posts and a thank-you page answers.
document.querySelectorAll("[data-td-feedback]").forEach(function (form) {
  var status = form.querySelector(".td-feedback__status");
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!window.fetch || !window.FormData || !button) return; // the plain form post
    event.preventDefault();
    var data = new FormData(form);
    data.append(button.name, button.value);
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    fetch(form.action, {method: "POST", body: data, headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then(function (response) {
        return response.json().then(function (body) { return {ok: response.ok, message: body.message}; });
      })
      .then(function (result) {
        status.textContent = result.message;
        if (result.ok) {
          form.setAttribute("data-sent", "");
          status.setAttribute("tabindex", "-1");
          status.focus();
        } else {
          form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
        }
      })
      .catch(function () {
        status.textContent = form.getAttribute("data-error");
        form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
      });
  });
});
