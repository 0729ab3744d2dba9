#!/bin/sh
# Checks that the system libraries Qt's xcb (X11) platform plugin needs are installed, and installs the
# missing ones with apt-get when it can (root on Debian/Ubuntu); otherwise prints exactly what to install.
# Usage: scripts/qt-system-libs.sh PYTHON
set -u
PY=${1:-python3}
qt_dir=$("$PY" -c 'import os, PySide6; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt"))' 2>/dev/null) || {
    echo "qt-system-libs: PySide6 is not installed in $PY" >&2; exit 1; }

missing_libs() {
    for lib in "$qt_dir/plugins/platforms/libqxcb.so" "$qt_dir/lib/libQt6XcbQpa.so.6" "$qt_dir/lib/libQt6Gui.so.6" \
               "$qt_dir/lib/libQt6Pdf.so.6"; do
        [ -e "$lib" ] && ldd "$lib" 2>/dev/null | awk '/not found/ {print $1}'
    done | sort -u
    # dlopen()ed at run time, so ldd does not show it; Qt 6.5+ refuses to start the xcb plugin without it
    ldconfig -p 2>/dev/null | grep -q 'libxcb-cursor.so.0' || echo libxcb-cursor.so.0
}

# library file -> Debian package
package_of() {
    case "$1" in
        libxcb-cursor.so.0) echo libxcb-cursor0 ;;
        libxcb-icccm.so.4) echo libxcb-icccm4 ;;
        libxcb-keysyms.so.1) echo libxcb-keysyms1 ;;
        libxcb-image.so.0) echo libxcb-image0 ;;
        libxcb-render-util.so.0) echo libxcb-render-util0 ;;
        libxcb-xkb.so.1) echo libxcb-xkb1 ;;
        libxcb-shape.so.0) echo libxcb-shape0 ;;
        libxcb-randr.so.0) echo libxcb-randr0 ;;
        libxcb-xinerama.so.0) echo libxcb-xinerama0 ;;
        libxcb-xinput.so.0) echo libxcb-xinput0 ;;
        libxcb-sync.so.1) echo libxcb-sync1 ;;
        libxcb-xfixes.so.0) echo libxcb-xfixes0 ;;
        libxcb-shm.so.0) echo libxcb-shm0 ;;
        libxcb-render.so.0) echo libxcb-render0 ;;
        libxcb-randr*) echo libxcb-randr0 ;;
        libxkbcommon-x11.so.0) echo libxkbcommon-x11-0 ;;
        libxkbcommon.so.0) echo libxkbcommon0 ;;
        libX11-xcb.so.1) echo libx11-xcb1 ;;
        libxcb.so.1) echo libxcb1 ;;
        libEGL.so.1) echo libegl1 ;;
        libGL.so.1) echo libgl1 ;;
        libOpenGL.so.0) echo libopengl0 ;;
        libfontconfig.so.1) echo libfontconfig1 ;;
        libfreetype.so.6) echo libfreetype6 ;;
        libdbus-1.so.3) echo libdbus-1-3 ;;
        libglib-2.0.so.0|libgthread-2.0.so.0) echo libglib2.0-0 ;;
        libSM.so.6) echo libsm6 ;;
        libICE.so.6) echo libice6 ;;
        *) echo "?$1" ;;
    esac
}

libs=$(missing_libs)
[ -z "$libs" ] && exit 0
packages=$(for lib in $libs; do package_of "$lib"; done | sort -u | tr '\n' ' ')
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing the system libraries Qt needs: $packages"
    (apt-get install -y --no-install-recommends $packages || { apt-get update && apt-get install -y --no-install-recommends $packages; }) >/dev/null
    libs=$(missing_libs)
    [ -z "$libs" ] && exit 0
fi
echo "Archivist's window needs system libraries that are missing: $libs" >&2
echo "On Debian or Ubuntu, install them with:" >&2
echo "    sudo apt-get install $packages" >&2
exit 1
