/*
 * wagtail-localize 1.14 writes three things of its translation editor in English whatever the admin's language,
 * outside any catalogue: the editor's heading ("Tiếng Việt to English translation", built in its JavaScript),
 * the screen-reader label of its footer's menu ("More actions") and the dates of its translation notes
 * ("29 November 2026", from Python's strftime). This translates them through the admin's own JavaScript catalogue
 * (thidua_wagtail/wagtail_locale/vi/LC_MESSAGES/djangojs.po), as they appear. Issue 18; docs/translation.md.
 */
(function () {
    "use strict";
    if (typeof window.gettext !== "function" || document.documentElement.lang.split("-")[0] === "en") {
        return;
    }
    var HEADING = /^(.+) to (.+) translation$/;
    var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December"];
    var DATE = new RegExp("\\b(\\d{1,2}) (" + MONTHS.join("|") + ") (\\d{4})\\b", "g");

    function translateText(node) {
        var text = node.nodeValue;
        var heading = HEADING.exec(text.trim());
        var changed = text;
        if (heading) {
            changed = window.interpolate(window.gettext("%(source)s to %(target)s translation"),
                {source: heading[1], target: heading[2]}, true);
        } else if (text.trim() === "More actions") {
            changed = window.gettext("More actions");
        } else if (DATE.test(text)) {
            DATE.lastIndex = 0;
            changed = text.replace(DATE, function (match, day, month, year) {
                return day + "/" + (MONTHS.indexOf(month) + 1) + "/" + year;
            });
        }
        if (changed !== text) {
            node.nodeValue = changed;
        }
    }

    function walk(root) {
        var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        var node;
        while ((node = walker.nextNode())) {
            translateText(node);
        }
    }

    function start() {
        var root = document.querySelector(".js-translation-editor");
        if (!root) {
            return;
        }
        walk(root);
        new MutationObserver(function (mutations) {
            mutations.forEach(function (mutation) {
                if (mutation.type === "characterData") {
                    translateText(mutation.target);
                }
                mutation.addedNodes.forEach(function (added) {
                    if (added.nodeType === Node.TEXT_NODE) {
                        translateText(added);
                    } else if (added.nodeType === Node.ELEMENT_NODE) {
                        walk(added);
                    }
                });
            });
        }).observe(root, {childList: true, subtree: true, characterData: true});
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
