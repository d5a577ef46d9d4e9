# Sourced by .ci/run: installs and starts what the tests need beyond the .NET SDK. Idempotent.
# Nothing here yet: PostgreSQL and Chromium are added with the tests that need them.
true
