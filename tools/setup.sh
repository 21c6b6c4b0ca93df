# Shared set-up for tools/run and tools/test (sourced, not run):
# install missing Debian packages, then configure and build incrementally.

FLANK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# What the project needs on a fresh Debian 12 machine, and why:
FLANK_PACKAGES=(
  cmake gcc make pkg-config      # the build
  clang                          # libFuzzer harnesses: tools/fuzz, and a smoke run in tools/test --ci
  liblua5.4-dev                  # scenarios (Lua 5.4)
  libsdl2-dev libsdl2-ttf-dev    # the window and offscreen rendering
  libfontconfig-dev fonts-dejavu-core   # finding and shipping the UI font
  xvfb xauth                     # the real-window test without a display
  python3                        # small test helpers (image comparison)
  parallel                       # the documented sharded-batch example is tested
  valgrind                       # memcheck of whole games in the test suite
  libxml2-utils                  # xmllint checks the SVG, and the JUnit output against its schema
  perl                           # prove (Perl's TAP harness) reads flank test --format tap
  lua-check                      # luacheck: shipped scenarios, their tests and the template lint clean
  chromium                       # headless Chromium opens the HTML report (screenshot, no network)
  xdotool                        # the keyboard-driven window test
  x11-apps                       # xwd: the window tests read the screen's pixels (hand-over screen, map colours)
  libpng-dev                     # PNG files (renders, screenshots, goldens) are written with libpng
  librsvg2-bin                   # the PNG icons are drawn from the SVG at build time (rsvg-convert)
  man-db                         # the man page is checked with man -l
  desktop-file-utils appstream   # desktop-file-validate, appstreamcli validate: the desktop entry, metainfo
  dpkg-dev file lintian          # cpack -G DEB (dpkg-shlibdeps, file) and lintian on the .deb
  fontconfig                     # the .deb depends on it: installing the .deb in CI finds it here
  gettext                        # msgfmt compiles and checks po/*.po; xgettext, msgcmp check they are complete
)

flank_missing_packages() {
  local p missing=()
  for p in "${FLANK_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

flank_install() {
  local missing
  missing=$(flank_missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "flank: missing Debian packages: $missing" >&2
    echo "flank: install them with: sudo apt-get update && sudo apt-get install -y $missing" >&2
    exit 1
  fi
  echo "flank: installing $missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || { echo "flank: apt-get update failed" >&2; exit 1; }
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >&2 || { echo "flank: apt-get install failed" >&2; exit 1; }
}

# flank_build DIR [cmake args...]: configure once, then build incrementally.
flank_build() {
  local dir=$1; shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$FLANK_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null || { echo "flank: cmake configure failed" >&2; exit 1; }
  fi
  cmake --build "$dir" -j"$(nproc)" 2>&1 | grep -vE '^\[ *[0-9]+%\]|^(Consolidate|Scanning|Built target)' >&2
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "flank: build failed" >&2; exit 1; }
}
