// The print button of the app's articles (Decree 42/2022/ND-CP, Art. 7): shown only where scripts run, it opens
// the browser's print dialog (which also saves as PDF). The print stylesheet is in thidua.css.
document.querySelectorAll("[data-td-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
