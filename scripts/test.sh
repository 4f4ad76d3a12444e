#!/usr/bin/env bash
# Set up and run every check, on a fresh Debian or Ubuntu machine or a developer's own:
#   bash scripts/test.sh
# Installs the Debian packages the tests start as real peers (only those missing, so a
# developer's machine is left alone; as root, or through sudo), then `npm ci`, then `npm run
# check` (dist freshness, types, lint, every test). `.ci/run` calls this same script.
set -euo pipefail
cd "$(dirname "$0")/.."

# dockerd lives in /usr/sbin, which a non-login shell's PATH may lack.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin:/sbin" ;; esac
export PATH

# The real peers the tests start, one `command package why` line each.
need=()
while read -r command package _; do
  case "$command" in '' | '#'*) continue ;; esac
  command -v "$command" >/dev/null || need+=("$package")
done <scripts/peers.txt

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "scripts/test.sh: '$*' needs root; run as root or install sudo" >&2
    exit 1
  fi
}

if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "scripts/test.sh: missing Debian packages ${need[*]} and no apt-get here; install them by hand" >&2
    exit 1
  fi
  echo "installing Debian packages: ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# skopeo refuses to copy without a signature policy, and a fresh machine may have none.
if [ ! -e /etc/containers/policy.json ] && [ ! -e "$HOME/.config/containers/policy.json" ]; then
  as_root mkdir -p /etc/containers
  echo '{"default":[{"type":"insecureAcceptAnything"}]}' | as_root tee /etc/containers/policy.json >/dev/null
fi

node --version
npm ci --no-audit --no-fund
npm run check
