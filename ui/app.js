// bcqa chat UI: behaviour for the data- attributes the server renders.  No network access.
(() => {
  const request = (id, value) => {
    // A hidden Gradio textbox carries the request to the server; the nonce makes a repeat a change.
    const box = document.querySelector(`#${id} textarea, #${id} input`);
    if (!box) return;
    box.value = `${value}\u0001${Date.now()}`;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const copy = async (text, button) => {
    try {
      await navigator.clipboard.writeText(text);
    } catch (_) {
      const area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = label; }, 1500);
  };
  // A citation's popover opens under its marker; near the right edge of a phone it is moved left to stay on screen.
  const place = (cite) => {
    const pop = cite?.querySelector(".pop");
    if (!pop) return;
    pop.style.left = "";
    const box = pop.getBoundingClientRect();
    if (!box.width) return;
    const over = box.right - (document.documentElement.clientWidth - 8);
    if (over > 0) pop.style.left = `${Math.max(-over, 8 - box.left)}px`;
  };
  document.addEventListener("mouseover", (event) => place(event.target.closest?.(".cite")));
  document.addEventListener("focusin", (event) => place(event.target.closest?.(".cite")));
  document.addEventListener("click", (event) => {
    const target = event.target;
    const copier = target.closest("[data-copy]");
    if (copier) { event.preventDefault(); copy(copier.dataset.copy, copier); return; }
    const view = target.closest("[data-view]");
    if (view) { event.preventDefault(); request("view-request", view.dataset.view); return; }
    const cell = target.closest("[data-cell]");
    if (cell) { event.preventDefault(); request("map-request", cell.dataset.cell); return; }
    const clear = target.closest("[data-clear-filter]");
    if (clear) { event.preventDefault(); document.querySelector("#clear-filter")?.click(); return; }
    const cite = target.closest(".cite-btn");
    document.querySelectorAll(".cite.open").forEach((c) => { if (!cite || c !== cite.parentElement) c.classList.remove("open"); });
    if (cite) { cite.parentElement.classList.toggle("open"); place(cite.parentElement); }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".cite.open").forEach((c) => c.classList.remove("open"));
    if (document.activeElement?.classList.contains("cite-btn")) document.activeElement.blur();
  });
})();
