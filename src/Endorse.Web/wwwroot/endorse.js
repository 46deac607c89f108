// The browser's IANA time zone ("Europe/Berlin"): a person's zone on their first visit, and the advocate page's suggestion.
window.endorseTimeZone = function () {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
    } catch (e) {
        return null;
    }
};

// The advocate's answer page works without scripts; with them, the zone picker starts at the browser's zone when the
// advocate has not chosen one before.
document.addEventListener("DOMContentLoaded", function () {
    var select = document.querySelector("select[data-browser-zone]");
    var zone = window.endorseTimeZone();
    if (select && zone && select.getAttribute("data-browser-zone") === "suggest") {
        for (var i = 0; i < select.options.length; i++) {
            if (select.options[i].value === zone) {
                select.value = zone;
                break;
            }
        }
    }
});
