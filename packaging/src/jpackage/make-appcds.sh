#!/bin/sh
# Makes (or remakes) the AppCDS archive of this Flightdeck installation, lib/app/flightdeck.jsa,
# which the launcher maps at start (-XX:SharedArchiveFile=$APPDIR/flightdeck.jsa in its .cfg).
# build.sh puts this script into the app-image, next to flightdeck.classlist; the .deb's postinst
# runs it at install time. Run it again as the owner of the installation folder if the archive is
# lost:   sudo /opt/flightdeck/lib/app/make-appcds.sh
#
# Why at install time: JDK 17 accepts an archive only when the class path it was dumped with is
# the run-time class path, and the installed paths exist only after installation.
# How: the installed launcher itself (bin/flightdeck, the script launcher.sh, which takes the class
# path from lib/app/flightdeck.cfg) runs with -Xshare:dump (through JAVA_TOOL_OPTIONS), so the
# class path is exactly the one every start passes; the JVM loads the classes named in the class
# list, writes the archive and exits before the app's main class runs (no display needed). The
# trailing --version only guards against a JVM that would ignore -Xshare:dump.
# Exit status: 0 archive written, 1 failed (the log is kept; $archive then links to the runtime's
# archive of the JDK classes), 2 nothing to dump from.
set -u

app_lib="$(cd "$(dirname "$0")" && pwd)"
launcher="$(dirname "$(dirname "$app_lib")")/bin/flightdeck"
classlist="$app_lib/flightdeck.classlist"
archive="$app_lib/flightdeck.jsa"
log="$app_lib/flightdeck-cds.log"

if [ ! -x "$launcher" ] || [ ! -f "$classlist" ]; then
    echo "make-appcds: no launcher or class list next to $0" >&2
    exit 2
fi
rm -f "$archive" "$log"
if JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$classlist" \
    "$launcher" --version >"$log" 2>&1 && [ -s "$archive" ]; then
    rm -f "$log"
    echo "make-appcds: wrote $archive"
    exit 0
fi
# Fall back to the runtime's own archive of the JDK classes (jlink --generate-cds-archive): without
# any file at $archive the JVM would start with no class sharing at all.
rm -f "$archive"
ln -s ../runtime/lib/server/classes.jsa "$archive" 2>/dev/null || true
echo "make-appcds: could not write $archive (see $log); Flightdeck starts with the JDK's archive only" >&2
exit 1
