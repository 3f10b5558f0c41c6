#!/usr/bin/env bash
# Builds Flightdeck's Linux app-image and .deb with the JDK's own jlink and jpackage.
# Called by packaging/pom.xml (exec-maven-plugin, `package` phase); runnable by hand from packaging/
# after `mvn -pl packaging prepare-package` has staged target/jpackage/input:
#
#   JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 APP_VERSION=0.1.0 src/jpackage/build.sh
#
# Steps (all outputs under target/jpackage/):
#   1. runtime/   jlink @jlink.txt (with a CDS archive of the JDK classes); reused while jlink.txt
#                 and the JDK are unchanged (jlink is the slowest step here).
#   2. image/flightdeck/   jpackage --type app-image @common.txt @app.txt @linux-image.txt
#                 + lib/app/make-appcds.sh (the AppCDS step of the .deb's postinst); then
#                 bin/flightdeck, jpackage's native launcher, is replaced by launcher.sh, a shell
#                 script that starts lib/runtime/bin/java with what lib/app/flightdeck.cfg says
#                 (docs/adr/0006-script-launcher-on-linux.md), and lib/libapplauncher.so (the native
#                 launcher's library) is dropped; both native files are kept in native-launcher/
#                 for benchmarks/startup.sh
#   3. image/flightdeck/lib/app/flightdeck.classlist   the classes that one start of the window
#                 loads (-XX:DumpLoadedClassList), recorded under xvfb-run (or $DISPLAY); without a
#                 display, from a headless `workspace info` only. make-appcds.sh dumps the AppCDS
#                 archive from it at install time.
#   4. dist/flightdeck_<version>-1_<arch>.deb   jpackage --type deb --app-image ... @linux-deb.txt
#
# Environment: JAVA_HOME (the JDK whose jlink/jpackage run; default: the one on PATH), APP_VERSION
# (required), PACKAGE_TYPES (default "app-image deb"), TRAINING (auto|gui|headless|none, default
# auto).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../.." && pwd)"
cd "$module" # the argument files use paths relative to packaging/

: "${APP_VERSION:?set APP_VERSION (the Maven project version)}"
PACKAGE_TYPES="${PACKAGE_TYPES:-app-image deb}"
TRAINING="${TRAINING:-auto}"
if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
jlink="$JAVA_HOME/bin/jlink"
jpackage="$JAVA_HOME/bin/jpackage"
work="$module/target/jpackage"
input="$work/input"
runtime="$work/runtime"
image="$work/image"
dist="$work/dist"
name=flightdeck

log() { printf '[jpackage] %s\n' "$*"; }
now() { date +%s%N; }
took() { local ms=$((($(now) - $1) / 1000000)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

[[ -f "$input/flightdeck.jar" ]] || {
  echo "build.sh: $input/flightdeck.jar is missing (run the Maven build of packaging)" >&2
  exit 1
}

# The classifier-less javafx-* jars that Maven also resolves hold only a manifest: drop them.
for jar in "$input"/lib/javafx-*.jar; do
  [[ -e "$jar" ]] || continue
  if [[ "$("$JAVA_HOME/bin/jar" tf "$jar" | grep -c '\.class$')" == 0 ]]; then
    rm -f "$jar"
  fi
done

# 1. The runtime.
stamp="$(cat "$here/jlink.txt"; "$JAVA_HOME/bin/java" -version 2>&1)"
if [[ -f "$runtime/.stamp" && "$(cat "$runtime/.stamp")" == "$stamp" ]]; then
  log "runtime: reusing $runtime"
else
  t=$(now)
  rm -rf "$runtime"
  "$jlink" @"$here/jlink.txt" --output "$runtime" >"$work/jlink.log" 2>&1 || {
    cat "$work/jlink.log" >&2
    exit 1
  }
  printf '%s' "$stamp" >"$runtime/.stamp"
  log "runtime: jlink $(took "$t"), $(du -sh "$runtime" | cut -f1)"
fi

# 2. The app-image.
t=$(now)
rm -rf "$image"
mkdir -p "$image"
"$jpackage" --type app-image --app-version "$APP_VERSION" \
  @"$here/common.txt" @"$here/app.txt" @"$here/linux-image.txt" \
  --input "$input" --runtime-image "$runtime" --dest "$image"
app_dir="$image/$name/lib/app"
cp "$here/make-appcds.sh" "$app_dir/"
chmod 755 "$app_dir/make-appcds.sh"
# The script launcher: the same cfg, without the native launcher's `rpm -qf` / `dpkg -S` per start.
# Step 3 runs it (a launcher that cannot start the image fails the build there), the ITs test it.
launcher="$image/$name/bin/$name"
[[ -x "$launcher" && -f "$app_dir/$name.cfg" ]] || {
  echo "build.sh: jpackage made no $launcher or $app_dir/$name.cfg" >&2
  exit 1
}
rm -rf "$work/native-launcher" # kept for benchmarks/startup.sh (installed-native), not shipped
mkdir -p "$work/native-launcher"
cp "$launcher" "$image/$name/lib/libapplauncher.so" "$work/native-launcher/"
cp "$here/launcher.sh" "$launcher"
chmod 755 "$launcher"
rm -f "$image/$name/lib/libapplauncher.so"
log "app-image: $(took "$t"), $(du -sh "$image/$name" | cut -f1)"

# 3. The class list for AppCDS.
classlist="$app_dir/$name.classlist"
train_home="$work/training"
record() { # record MODE: run the image once with -XX:DumpLoadedClassList
  rm -rf "$train_home" "$classlist"
  mkdir -p "$train_home/config" "$train_home/data"
  local cmd=("$image/$name/bin/$name" --workspace "$train_home/workspace")
  if [[ "$1" == gui ]]; then
    cmd+=(--exit-after-start)
    if [[ -z "${DISPLAY:-}" ]]; then
      cmd=(xvfb-run -a "${cmd[@]}")
    fi
  else
    cmd+=(workspace info)
  fi
  XDG_CONFIG_HOME="$train_home/config" XDG_DATA_HOME="$train_home/data" \
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$classlist" \
    timeout 180 "${cmd[@]}" >"$work/training-$1.log" 2>&1 && [[ -s "$classlist" ]]
}
mode="$TRAINING"
if [[ "$mode" == auto ]]; then
  if [[ -n "${DISPLAY:-}" ]] || command -v xvfb-run >/dev/null; then mode=gui; else mode=headless; fi
fi
if [[ "$mode" != none ]]; then
  t=$(now)
  if [[ "$mode" == gui ]] && ! record gui; then
    log "WARNING: the training start of the window failed (see $work/training-gui.log); recording a headless run instead"
    mode=headless
  fi
  if [[ "$mode" == headless ]]; then
    log "WARNING: the class list covers a headless 'workspace info' only, not the window (no display, or TRAINING=headless)"
    record headless || {
      cat "$work/training-headless.log" >&2
      exit 1
    }
  fi
  log "class list ($mode): $(took "$t"), $(grep -c '^[a-z]' "$classlist") classes"
  rm -rf "$train_home"
fi

# 4. The .deb.
if [[ " $PACKAGE_TYPES " == *" deb "* ]]; then
  t=$(now)
  rm -rf "$dist"
  mkdir -p "$dist"
  # dpkg-deb's default (xz -6) takes ~50 s here for ~3 MB less than xz -1 (~9 s).
  DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-xz}" \
    DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-1}" \
    "$jpackage" --type deb --app-version "$APP_VERSION" \
    @"$here/common.txt" @"$here/linux-deb.txt" \
    --app-image "$image/$name" --dest "$dist"
  log "deb: $(took "$t"), $(ls "$dist")"
fi
