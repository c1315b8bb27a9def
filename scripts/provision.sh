#!/usr/bin/env bash
# The one place that knows what the e2e suite needs from the system: both Debian browsers and the language
# packs that let them serve our non-English catalogs (without them both browsers fall back to English even
# when asked for French). Called by `npm test` (tests/run-all.mjs) and by `.ci/run`, so a fresh machine and CI
# provision the same way. Installs only what is missing; exits 0 when nothing is, 2 (with the exact command
# to run) when something is missing and this process cannot install it.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox_path="${FIREFOX_PATH:-/usr/bin/firefox-esr}"

# Language packs: Chromium ships every locale in one package; Firefox ESR has one package per language.
# Keep this list in step with the languages the e2e suite switches the browsers to.
language_packs=(chromium-l10n firefox-esr-l10n-fr firefox-esr-l10n-ar firefox-esr-l10n-pt-pt)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
[[ -x "$chromium_path" ]] || missing+=(chromium)
[[ -x "$firefox_path" ]] || missing+=(firefox-esr)

if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${language_packs[@]}"; do
    installed "$package" || missing+=("$package")
  done
else
  echo "provision: no dpkg here; cannot check the language packs (${language_packs[*]})." >&2
  echo "provision: the e2e suite expects the browsers to serve French and Arabic; install their language resources." >&2
fi

if ((${#missing[@]} == 0)); then
  echo "provision: browsers and language packs present."
  exit 0
fi

command_line="apt-get update && apt-get install -y ${missing[*]}"
sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    echo "provision: missing ${missing[*]}; this user cannot install them. Run as root:" >&2
    echo "  sudo sh -c '$command_line'" >&2
    exit 2
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "provision: missing ${missing[*]} and no apt-get here. Install them with your system's package manager," >&2
  echo "or point CHROMIUM_PATH / FIREFOX_PATH at existing browsers (the Debian equivalent: $command_line)." >&2
  exit 2
fi

echo "provision: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Recommended packages stay in (fonts and all): the suite's screenshots and layout checks were proven with them.
"${sudo_cmd[@]}" apt-get update </dev/null
"${sudo_cmd[@]}" apt-get install -y "${missing[@]}" </dev/null
