#!/usr/bin/env bash
# Install Debian packages that the project needs but pip cannot provide.
# Arguments: package:command pairs; the package is installed when the command is missing
# (an empty command means: check with dpkg instead).
set -euo pipefail
missing=()
for spec in "$@"; do
  pkg="${spec%%:*}"
  cmd="${spec#*:}"
  if [ -n "$cmd" ]; then
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  else
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
