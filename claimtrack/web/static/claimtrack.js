// claimtrack serve: small progressive enhancement. Every form works without it.
// - speaker fields (data-suggest="speaker") get suggestions from actors and aliases;
// - a verdict label (data-preview="ID") shows its normalised reading as you type;
// - buttons with data-confirm ask first;
// - a page shown again with an error scrolls to it (a long page would hide it below the fold).
"use strict";

function debounce(action, wait) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), wait);
  };
}

async function getJson(path) {
  const response = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) {
    return null;
  }
  return response.json();
}

function suggestSpeakers(input) {
  const list = document.getElementById(input.getAttribute("list"));
  if (!list) {
    return;
  }
  input.addEventListener("input", debounce(async () => {
    const typed = input.value.trim();
    if (typed.length < 1) {
      return;
    }
    const names = await getJson("/api/speakers?q=" + encodeURIComponent(typed));
    if (!Array.isArray(names)) {
      return;
    }
    list.replaceChildren(...names.map((name) => {
      const option = document.createElement("option");
      option.value = name;
      return option;
    }));
  }, 150));
}

function previewReading(input) {
  const output = document.getElementById(input.dataset.preview);
  if (!output) {
    return;
  }
  input.addEventListener("input", debounce(async () => {
    const found = await getJson("/api/rating?label=" + encodeURIComponent(input.value));
    if (found && typeof found.reading === "string") {
      output.textContent = found.reading;
    }
  }, 150));
}

function askFirst(button) {
  button.addEventListener("click", (event) => {
    if (!window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });
}

document.querySelectorAll("input[data-suggest='speaker']").forEach(suggestSpeakers);
document.querySelectorAll("input[data-preview]").forEach(previewReading);
document.querySelectorAll("[data-confirm]").forEach(askFirst);

function showFirstProblem() {
  const problem = document.querySelector("main [role='alert'], main .field-error");
  if (problem && !window.location.hash) {
    problem.scrollIntoView({ block: "center" });
  }
}

showFirstProblem();
