/* kbgen theme script: copy buttons (error codes and code blocks), the "/" search shortcut and the
   article's contents on narrow screens. No inline code, no libraries. */
(function () {
  'use strict';

  var live = document.getElementById('kbgen-live');

  function announce(message) {
    if (!live || !message) { return; }
    live.textContent = '';
    window.setTimeout(function () { live.textContent = message; }, 60);
  }

  function legacyCopy(text) {
    var buffer = document.createElement('textarea');
    buffer.value = text;
    buffer.setAttribute('readonly', '');
    buffer.setAttribute('aria-hidden', 'true');
    buffer.className = 'copy-buffer';
    document.body.appendChild(buffer);
    buffer.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(buffer);
    return ok;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return legacyCopy(text); }
      );
    }
    return Promise.resolve(legacyCopy(text));
  }

  function wireCopy(button, text, copied, failed) {
    var label = button.textContent;
    var timer = null;
    button.hidden = false;
    button.addEventListener('click', function () {
      copyText(text()).then(function (ok) {
        window.clearTimeout(timer);
        if (ok) {
          button.classList.add('is-copied');
          button.textContent = copied || label;
          announce(copied);
          timer = window.setTimeout(function () {
            button.classList.remove('is-copied');
            button.textContent = label;
          }, 2000);
        } else {
          announce(failed);
        }
      });
    });
  }

  /* A copy button for each error code, and one above each code block of an article: commands
     are long and hard to select on a phone. */
  function setupCopyButtons() {
    var copied = live ? live.getAttribute('data-copied') : '';
    var failed = live ? live.getAttribute('data-copy-failed') : '';
    Array.prototype.forEach.call(document.querySelectorAll('button.copy[data-copy]'), function (button) {
      wireCopy(button, function () { return button.getAttribute('data-copy'); }, copied, failed);
    });
    var word = live ? live.getAttribute('data-copy') : '';
    var name = live ? live.getAttribute('data-copy-block') : '';
    if (!word) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('.prose pre'), function (pre) {
      var code = pre.querySelector('code') || pre;
      var block = document.createElement('div');
      var bar = document.createElement('div');
      var button = document.createElement('button');
      block.className = 'code-block';
      bar.className = 'code-block-bar';
      button.type = 'button';
      button.className = 'copy copy--block';
      button.textContent = word;
      if (name) { button.setAttribute('aria-label', name); }
      pre.parentNode.insertBefore(block, pre);
      bar.appendChild(button);
      block.appendChild(bar);
      block.appendChild(pre);
      wireCopy(button, function () { return code.textContent.replace(/\n$/, ''); }, copied, failed);
    });
  }

  function isTypingTarget(el) {
    if (!el) { return false; }
    var tag = el.tagName;
    return el.isContentEditable || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
  }

  function searchInput() {
    var ids = ['search-page-input', 'home-search', 'search-input'];
    for (var i = 0; i < ids.length; i++) {
      var input = document.getElementById(ids[i]);
      if (input && input.offsetParent !== null) { return input; }
    }
    return null;
  }

  function setupShortcut() {
    document.addEventListener('keydown', function (event) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
      if (isTypingTarget(event.target)) { return; }
      var input = searchInput();
      if (!input) { return; }
      event.preventDefault();
      input.focus();
      input.select();
    });
  }

  /* On a screen too narrow for the contents beside the article, they start closed: the
     Symptom comes first. Without the script they stay open. */
  function setupContents() {
    var details = document.querySelector('.toc details');
    if (!details || !window.matchMedia) { return; }
    var wide = window.matchMedia('(min-width: 64rem)');
    function fit() { details.open = wide.matches; }
    fit();
    if (wide.addEventListener) { wide.addEventListener('change', fit); }
  }

  function init() {
    setupContents();
    setupCopyButtons();
    setupShortcut();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
