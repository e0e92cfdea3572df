#!/usr/bin/env bash
# Check (and, where possible, install) what the CJP Portal scripts need.
#
#   bash scripts/lib/prereqs.sh run|test|bench
#
# or, from another script:  source scripts/lib/prereqs.sh; cjp_prereqs test
#
#   run    .NET SDK 10 (and the repository's .NET tools), Node.js + npm, PostgreSQL 15
#   test   the above + Chromium (browser tests) + python3-aiosmtpd (mail tests)
#   bench  the above for run + wrk + curl
#
# Missing Debian packages are installed with apt-get when running as root (or through
# passwordless sudo); otherwise the script stops and prints the apt-get command to run.
# Set CJP_NO_INSTALL=1 to only check.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Debian package -> check that succeeds when it is usable.
_cjp_check_pkg() {
  case "$1" in
    postgresql-15) [[ -x /usr/lib/postgresql/15/bin/initdb || -n "${CJP_PG_BINDIR:-}" ]] ;;
    chromium) [[ -x /usr/bin/chromium ]] ;;
    python3-aiosmtpd) [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 ;;
    wrk) cjp_have wrk ;;
    curl) cjp_have curl ;;
    nodejs) cjp_have node ;;
    npm) cjp_have npm ;;
    *) dpkg -s "$1" >/dev/null 2>&1 ;;
  esac
}

_cjp_apt_lists_empty() {
  ! compgen -G '/var/lib/apt/lists/*Packages*' >/dev/null
}

_cjp_apt() {
  cjp_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@"
}

# Install the given Debian packages where any is missing.
cjp_ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    _cjp_check_pkg "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0

  local cmd="apt-get install -y --no-install-recommends ${missing[*]}"
  if [[ -n "${CJP_NO_INSTALL:-}" ]] || ! cjp_have apt-get || ! cjp_can_sudo; then
    local why="you are not root and passwordless sudo is not available"
    [[ -n "${CJP_NO_INSTALL:-}" ]] && why="CJP_NO_INSTALL is set"
    cjp_have apt-get || why="apt-get is not available (not a Debian/Ubuntu system?)"
    cjp_die "missing: ${missing[*]} ($why)." \
      "Install with:  sudo apt-get update && sudo $cmd"
  fi

  cjp_info "installing missing Debian packages: ${missing[*]}"
  local ok=0
  if ! _cjp_apt_lists_empty; then
    _cjp_apt install -y --no-install-recommends "${missing[@]}" && ok=1
  fi
  if ((ok == 0)); then
    cjp_info "refreshing the package lists (apt-get update)"
    _cjp_apt update -q || cjp_warn "apt-get update failed; trying the install anyway"
    _cjp_apt install -y --no-install-recommends "${missing[@]}" ||
      cjp_die "could not install ${missing[*]}." "Try by hand:  apt-get update && $cmd"
  fi
  for pkg in "${missing[@]}"; do
    _cjp_check_pkg "$pkg" || cjp_die "$pkg was installed but is still not usable."
  done
  cjp_ok "installed ${missing[*]}"
}

cjp_require_dotnet() {
  if ! cjp_have dotnet; then
    cjp_die "the .NET SDK is not installed (dotnet not found on PATH)." \
      "Install the .NET 10 SDK (Debian: package dotnet-sdk-10.0 from Microsoft's package repository," \
      "or the official dotnet-install script), then try again."
  fi
  if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    cjp_die "the .NET 10 SDK is required; installed SDKs: $(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | paste -sd' ' -)" \
      "Install the .NET 10 SDK (package dotnet-sdk-10.0), then try again."
  fi
}

cjp_require_node() {
  if ! cjp_have node || ! cjp_have npm; then
    # Debian 12's own Node.js 18 is enough to build the front end.
    cjp_ensure_packages nodejs npm
  fi
  if ! cjp_have node || ! cjp_have npm; then
    cjp_die "Node.js and npm are required (the web project copies its front-end assets from npm at build time)." \
      "Install Node.js 20 with npm (Debian 12 also packages Node 18: apt-get install -y nodejs npm)."
  fi
  local major
  major="$(node --version | sed -E 's/^v([0-9]+).*/\1/')"
  if ((major < 18)); then
    cjp_die "Node.js $(node --version) is too old; Node.js 18 or later (20 recommended) is required."
  fi
}

# The repository's .NET tools (.config/dotnet-tools.json: dotnet-ef, for `dotnet ef migrations add`).
cjp_restore_dotnet_tools() {
  (cd "$CJP_ROOT" && dotnet tool restore >/dev/null) ||
    cjp_die "dotnet tool restore failed (see .config/dotnet-tools.json)." "Run it by hand to see why:  dotnet tool restore"
}

# cjp_prereqs run|test|bench
cjp_prereqs() {
  local purpose="${1:-run}"
  cjp_step "Checking prerequisites ($purpose)"
  local packages=(postgresql-15)
  case "$purpose" in
    run) ;;
    test) packages+=(chromium python3-aiosmtpd) ;;
    bench) packages+=(wrk curl) ;;
    *) cjp_die "cjp_prereqs: unknown purpose '$purpose' (run, test or bench)" ;;
  esac
  cjp_require_dotnet
  cjp_restore_dotnet_tools
  cjp_require_node
  cjp_ensure_packages "${packages[@]}"
  cjp_ok "dotnet $(dotnet --version) (tools: dotnet-ef), node $(node --version), npm $(npm --version), ${packages[*]}: ok"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  cjp_prereqs "$@"
fi
