#!/bin/sh
# Installs this Archivist bundle for the current user (no root needed), or uninstalls it:
#     ./install.sh              copies the bundle to ~/.local/opt/archivist, links ~/.local/bin/archivist and
#                               registers the desktop file, AppStream metainfo and icons under ~/.local/share
#     ./install.sh --uninstall  removes all of that again (your archive and settings are kept)
# PREFIX=/opt/archivist DATA_HOME=/usr/local/share ./install.sh installs system-wide (run as root).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=$(basename "$here"/share/applications/*.desktop .desktop)
prefix=${PREFIX:-$HOME/.local/opt/archivist}
data_home=${DATA_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}}
bin_dir=${BIN_DIR:-$HOME/.local/bin}

refresh_caches() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$prefix"
    rm -f "$bin_dir/archivist" "$data_home/applications/$app_id.desktop" "$data_home/metainfo/$app_id.metainfo.xml"
    find "$data_home/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
    refresh_caches
    echo "Archivist removed; the archive and settings are where they were."
    exit 0
fi

if [ "$here" != "$prefix" ]; then
    rm -rf "$prefix"
    mkdir -p "$(dirname "$prefix")"
    cp -R "$here" "$prefix"
fi
mkdir -p "$bin_dir" "$data_home/applications" "$data_home/metainfo"
ln -sf "$prefix/archivist" "$bin_dir/archivist"
# An absolute Exec= path: ~/.local/bin is not on every desktop session's PATH.
sed "s|^Exec=archivist|Exec=$prefix/archivist|" "$here/share/applications/$app_id.desktop" \
    > "$data_home/applications/$app_id.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$data_home/metainfo/"
cp -R "$here/share/icons" "$data_home/"
refresh_caches
echo "Archivist installed in $prefix; run it from the application menu or as $bin_dir/archivist"
