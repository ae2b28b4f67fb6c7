#!/bin/sh
# Add OrgPlanner to this user's Linux desktop, without root: the menu entry, the plan file
# type (*.orgplan.json opens in OrgPlanner, with its icon) and the icons, under
# ${XDG_DATA_HOME:-~/.local/share}. Runs from a checkout (packaging/, icons from
# `make icons` in build/icons) or from a bundle (dist/orgplanner/linux/).
#
#   install-desktop.sh [--exec PROGRAM] [--uninstall]
#
# PROGRAM defaults to the bundle's orgplanner beside this folder, else dist/orgplanner/orgplanner
# in the checkout, else `orgplanner` on the PATH, else the checkout's .venv/bin/orgplanner.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
program=""
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --exec) [ $# -ge 2 ] || { echo "install-desktop.sh: --exec needs a program" >&2; exit 2; }
            program=$2; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-desktop.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

sizes="16 24 32 48 64 128 256 512"
apps=$data/applications
mime=$data/mime
hicolor=$data/icons/hicolor

refresh() {
  # The caches the desktop reads; each tool is optional (the files work without them after
  # the next login). An icon cache is only refreshed where one already exists: a new cache
  # would hide icons that other programs install later without refreshing it.
  if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$mime"; fi
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps"; fi
  if [ -f "$hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$hicolor" || true
  fi
}

if [ "$uninstall" = 1 ]; then
  rm -f "$apps/orgplanner.desktop" "$mime/packages/orgplanner-mime.xml" \
        "$hicolor/scalable/apps/orgplanner.svg"
  for n in $sizes; do rm -f "$hicolor/${n}x${n}/apps/orgplanner.png"; done
  mkdir -p "$apps" "$mime/packages"
  refresh
  echo "Removed OrgPlanner from the desktop menu and file types in $data"
  exit 0
fi

# The program the menu entry starts.
if [ -z "$program" ]; then
  for candidate in "$here/../orgplanner" "$here/../dist/orgplanner/orgplanner"; do
    if [ -f "$candidate" ] && [ -x "$candidate" ]; then program=$candidate; break; fi
  done
fi
if [ -z "$program" ] && command -v orgplanner >/dev/null 2>&1; then program=$(command -v orgplanner); fi
if [ -z "$program" ] && [ -x "$here/../.venv/bin/orgplanner" ]; then program=$here/../.venv/bin/orgplanner; fi
if [ -z "$program" ]; then
  echo "install-desktop.sh: no OrgPlanner program found; build it (make package) or name it with --exec PROGRAM" >&2
  exit 1
fi
case "$program" in /*) ;; *) program=$(pwd)/$program ;; esac
[ -x "$program" ] || { echo "install-desktop.sh: $program is not an executable program" >&2; exit 1; }
program=$(cd "$(dirname "$program")" && pwd)/$(basename "$program")
case "$program" in
  *[\"\`\$\\]*) echo "install-desktop.sh: $program: move OrgPlanner to a folder whose path has no \" \` \$ or \\" >&2; exit 1 ;;
esac

# The icons: beside this script in a bundle, else drawn by `make icons` into build/icons.
icons=$here/icons
[ -d "$icons" ] || icons=$here/../build/icons
if [ ! -f "$icons/orgplanner-48.png" ]; then
  echo "install-desktop.sh: no icons in $icons; run 'make icons' first" >&2
  exit 1
fi
svg=$icons/orgplanner.svg
[ -f "$svg" ] || svg=$here/../resources/icons/orgplanner.svg

mkdir -p "$apps" "$mime/packages" "$hicolor/scalable/apps"
for n in $sizes; do
  mkdir -p "$hicolor/${n}x${n}/apps"
  cp "$icons/orgplanner-$n.png" "$hicolor/${n}x${n}/apps/orgplanner.png"
done
if [ -f "$svg" ]; then cp "$svg" "$hicolor/scalable/apps/orgplanner.svg"; fi
cp "$here/orgplanner-mime.xml" "$mime/packages/orgplanner-mime.xml"
# The entry names the program by its full path: quoted, % doubled (the desktop entry spec),
# then escaped for sed.
quoted=$(printf '%s' "$program" | sed -e 's/%/%%/g' -e 's/[|&]/\\&/g')
plain=$(printf '%s' "$program" | sed -e 's/[|&]/\\&/g')
sed -e "s|^Exec=orgplanner |Exec=\"$quoted\" |" -e "s|^\(Exec=.*\)\$|\1\nTryExec=$plain|" \
    "$here/orgplanner.desktop" > "$apps/orgplanner.desktop.tmp"
mv "$apps/orgplanner.desktop.tmp" "$apps/orgplanner.desktop"
refresh
echo "Installed OrgPlanner in the desktop menu ($apps/orgplanner.desktop, starting $program)"
echo "and the plan file type *.orgplan.json ($mime/packages/orgplanner-mime.xml)."
