// Enhancements only: every page works without them.
// GOV.UK's accessible autocomplete on top of a plain <select> (find an authority by typing).
const autocomplete = window.accessibleAutocomplete;
for (const select of document.querySelectorAll("select[data-autocomplete]")) {
  if (autocomplete) autocomplete.enhanceSelectElement({ selectElement: select, defaultValue: "", showAllValues: true, dropdownArrow: () => "" });
}

// A "Copy link to this view" button copies the page's address (every view has one); without it,
// the address bar does the same.
const main = document.getElementById("main-content");
const heading = main && main.querySelector("h1");
if (heading && navigator.clipboard) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary";
  button.textContent = "Copy link to this view";
  const status = document.createElement("span");
  status.className = "govuk-body-s dashboard-copied";
  status.setAttribute("role", "status");
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(window.location.href).then(
      () => { status.textContent = "Link copied"; },
      () => { status.textContent = "Could not copy: use the address bar"; },
    );
  });
  const wrapper = document.createElement("p");
  wrapper.append(button, status);
  heading.after(wrapper);
}
