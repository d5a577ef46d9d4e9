'use strict';
(function () {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const body = JSON.stringify({ email: form.email.value, password: form.password.value });
    const response = await fetch('/console/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body,
    });
    if (response.ok) {
      location.href = '/console/index.html' + location.hash;
      return;
    }
    error.textContent = response.status === 423
      ? 'Too many failed sign-ins. Wait 15 minutes or ask a coordinator.'
      : 'Wrong email or password.';
    error.hidden = false;
  });
})();
