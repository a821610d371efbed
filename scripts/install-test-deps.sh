#!/usr/bin/env bash
# Installs the system packages the test suite needs and npm cannot provide: Debian's Chromium
# (driven by playwright-core; we never download a browser) and CJK fonts (so that Chinese text
# renders, measures and screenshots like on a researcher's machine), and libxml2-utils (xmllint,
# which validates our REFI-QDA exports against the official XSDs). Does nothing when all are
# present, so it is cheap to run before every `npm ci && npm test`.
set -euo pipefail

packages=(chromium fonts-noto-cjk libxml2-utils)
missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-test-deps: ${packages[*]} already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: missing ${missing[*]} and no apt-get; install them by hand," >&2
  echo "  or point PIZHU_CHROMIUM at a Chromium/Chrome binary." >&2
  exit 1
fi

# sudo only when we are not root (CI containers usually are root and have no sudo).
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
else
  sudo=(sudo)
fi

echo "install-test-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
