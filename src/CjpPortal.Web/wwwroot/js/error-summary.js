// After a form comes back with errors, moves focus to the error summary, as the design system's error summary guidance
// asks (its own script does not do it): a screen reader then reads the problems out, and a keyboard user starts from
// the list of links to the fields. The summary has tabindex="-1" (Pages/Shared/_ErrorSummary.cshtml). A module, so it
// runs once the document has been parsed; from this origin, as the content security policy requires.
const summary = document.querySelector('.ds_error-summary');
if (summary) {
    if (!summary.hasAttribute('tabindex')) {
        summary.setAttribute('tabindex', '-1');
    }

    summary.focus();
}
