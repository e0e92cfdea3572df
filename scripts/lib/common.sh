# shellcheck shell=bash
# Shared helpers for the CJP Portal scripts. Source it; don't run it.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# Sets CJP_ROOT (the repository root, physical path) and defines logging and
# privilege helpers. Callers are expected to use `set -euo pipefail`.

if [[ -n "${_CJP_COMMON_SH:-}" ]]; then
  return 0
fi
_CJP_COMMON_SH=1

CJP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
export CJP_ROOT

# Quieter, non-interactive .NET CLI everywhere.
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cjp_is_ci() {
  [[ "${CI:-}" == "true" || "${CI:-}" == "1" ]]
}

if [[ -t 1 ]] && ! cjp_is_ci && [[ -z "${NO_COLOR:-}" ]]; then
  _CJP_BOLD=$'\e[1m' _CJP_RED=$'\e[31m' _CJP_YELLOW=$'\e[33m' _CJP_GREEN=$'\e[32m' _CJP_RESET=$'\e[0m'
else
  _CJP_BOLD='' _CJP_RED='' _CJP_YELLOW='' _CJP_GREEN='' _CJP_RESET=''
fi

# A heading for a step of a script.
cjp_step() { printf '%s==> %s%s\n' "$_CJP_BOLD" "$*" "$_CJP_RESET"; }
cjp_info() { printf '    %s\n' "$*"; }
cjp_ok() { printf '%s    %s%s\n' "$_CJP_GREEN" "$*" "$_CJP_RESET"; }
cjp_warn() { printf '%swarning:%s %s\n' "$_CJP_YELLOW" "$_CJP_RESET" "$*" >&2; }
cjp_error() { printf '%serror:%s %s\n' "$_CJP_RED" "$_CJP_RESET" "$*" >&2; }
# Print an error (each argument on its own line) and exit 1.
cjp_die() {
  cjp_error "$1"
  shift
  local line
  for line in "$@"; do
    printf '       %s\n' "$line" >&2
  done
  exit 1
}

cjp_have() { command -v "$1" >/dev/null 2>&1; }

cjp_is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Run a command as root: directly when root, else through passwordless sudo.
# Returns 1 without running anything when neither is possible.
cjp_can_sudo() { cjp_is_root || { cjp_have sudo && sudo -n true >/dev/null 2>&1; }; }
cjp_as_root() {
  if cjp_is_root; then
    "$@"
  elif cjp_have sudo && sudo -n true >/dev/null 2>&1; then
    sudo -n "$@"
  else
    return 1
  fi
}

# Short stable hash of a string (used to name per-checkout directories).
cjp_hash() { printf '%s' "$1" | sha256sum | cut -c1-12; }

# True if something accepts TCP connections on 127.0.0.1:$1.
cjp_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1
}

# Wait until an HTTP URL answers 2xx. Usage: cjp_wait_http URL TIMEOUT_SECONDS [PID]
# If PID is given and that process exits, stop waiting and fail.
cjp_wait_http() {
  local url="$1" timeout="$2" pid="${3:-}" waited=0
  while ! curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    if ((waited >= timeout)); then
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}
