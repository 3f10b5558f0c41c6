#!/usr/bin/env bash
# Cold start to window shown: N fresh JVMs of each variant, round-robin (so load on a shared box
# hits every variant alike), after one unmeasured warm-up each. Per start it takes three wall-clock
# times, measured here from spawn: to the window-shown marker, to the workspace-ready marker, and to
# process exit; and the app's own ms= figures (ms since JVM start), so "pre-JVM" = shown - the
# app's shown figure is what the launcher costs before the JVM starts. Prints median and min per
# variant, and the ratio of the medians to the baseline's.
#
#   benchmarks/startup.sh [-n N] [--deb FILE | --image DIR] [--dev-jar JAR] [--native DIR]
#                         [--try "JVM OPTIONS"]...
#
# Markers: Flightdeck with --exit-after-start prints "flightdeck.window.shown ms=N" when its stage is
# shown and "flightdeck.started ms=N" when the workspace is open too (then it exits); the baseline
# prints "minimalfx.shown ms=N" (its "ready" is the same line).
#
# Variants:
#   baseline       a minimal JavaFX window (benchmarks/src/.../MinimalFxStart.java, compiled here
#                  against the JavaFX jars in app/target/lib), the system JDK, JavaFX on the class path
#   dev            java -jar app/target/flightdeck.jar --workspace TMP --exit-after-start (the system JDK
#                  with its own CDS archive); --dev-jar names another jar, e.g. the packaging's staged
#                  packaging/target/jpackage/input/flightdeck.jar when app/target has moved on since the
#                  .deb was built (the script warns when the jars differ)
#   installed      the .deb extracted (dpkg-deb -x), its bin/flightdeck (the script launcher,
#                  packaging/src/jpackage/launcher.sh), with the AppCDS archive that the postinst
#                  would make (its make-appcds.sh run on the extracted files)
#   installed-nocds  the same files without an archive (as an extracted .deb or an app-image before
#                  make-appcds.sh runs there: the JVM then shares no classes at all)
#   installed-native  the same files and archive, started by jpackage's native launcher (what the
#                  .deb shipped before the script; it runs `rpm -qf` and `dpkg -S` on itself at every
#                  start). build.sh keeps it in packaging/target/jpackage/native-launcher (--native
#                  DIR names another); the variant is left out when there is none
#   installed-java   the same files and archive, the bundled bin/java started directly with the
#                  cfg's class path and options (what the script execs, without the shell)
#   try1, try2...  (one per --try) installed, with JAVA_TOOL_OPTIONS="JVM OPTIONS": to weigh JVM
#                  options before they go into packaging/src/jpackage/linux-image.txt
#
# Needs: a built app (mvn -pl core,local-store,views,controllers,app install -DskipTests) and the
# packaging output (mvn -pl packaging package), or --deb/--image. Without $DISPLAY it re-runs itself
# under xvfb-run -a (one X server for all starts, so the server's own start is not measured).
set -euo pipefail

runs=5
deb=""
image=""
dev_jar=""
native=""
tries=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --deb) deb="$(realpath "$2")"; shift 2 ;;
    --image) image="$(realpath "$2")"; shift 2 ;;
    --dev-jar) dev_jar="$(realpath "$2")"; shift 2 ;;
    --native) native="$(realpath "$2")"; shift 2 ;;
    --try) tries+=("$2"); shift 2 ;;
    -h | --help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "startup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${DISPLAY:-}" ]]; then
  args=(-n "$runs")
  [[ -z "$deb" ]] || args+=(--deb "$deb")
  [[ -z "$image" ]] || args+=(--image "$image")
  [[ -z "$dev_jar" ]] || args+=(--dev-jar "$dev_jar")
  [[ -z "$native" ]] || args+=(--native "$native")
  for t in "${tries[@]}"; do args+=(--try "$t"); done
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "${args[@]}"
fi

work="$root/benchmarks/target/startup"
rm -rf "$work"
mkdir -p "$work"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS FLIGHTDECK_LAUNCHER_DEBUG

# The baseline program.
lib="$root/app/target/lib"
fxcp="$(ls "$lib"/javafx-base-*-linux.jar "$lib"/javafx-graphics-*-linux.jar \
  "$lib"/javafx-controls-*-linux.jar | paste -sd:)"
javac -d "$work/classes" -cp "$fxcp" "$root"/benchmarks/src/io/flightdeck/bench/*.java

# The installed files.
if [[ -z "$image" ]]; then
  [[ -n "$deb" ]] || deb="$(ls "$root"/packaging/target/jpackage/dist/*.deb | head -1)"
  dpkg-deb -x "$deb" "$work/extracted"
  image="$work/extracted/opt/flightdeck"
  source="$(basename "$deb")"
else
  mkdir -p "$work/extracted"
  cp -a "$image" "$work/extracted/flightdeck"
  source="$image"
  image="$work/extracted/flightdeck"
  rm -f "$image/lib/app/flightdeck.jsa"
fi
cp -a "$(dirname "$image")" "$work/nocds"
nocds="$work/nocds/$(basename "$image")"
sh "$image/lib/app/make-appcds.sh" >/dev/null
if head -c 2 "$image/bin/flightdeck" | grep -q '#!'; then
  launcher_kind="script"
else
  launcher_kind="native (a package built before the script launcher)"
fi

# jpackage's native launcher, next to the script in the same files (it reads lib/app/<its name>.cfg
# and needs lib/libapplauncher.so), so that it maps the same archive: the class path is the same.
native="${native:-$root/packaging/target/jpackage/native-launcher}"
if [[ -x "$native/flightdeck" && -f "$native/libapplauncher.so" ]]; then
  cp "$native/flightdeck" "$image/bin/flightdeck-native"
  cp "$native/libapplauncher.so" "$image/lib/"
  cp "$image/lib/app/flightdeck.cfg" "$image/lib/app/flightdeck-native.cfg"
else
  echo "# no native launcher in $native: installed-native left out"
  native=""
fi

# The dev jar and the installed jars should be the same build, or dev vs installed compares code too.
dev_jar="${dev_jar:-$root/app/target/flightdeck.jar}"
for jar in "$image"/lib/app/flightdeck.jar "$image"/lib/app/lib/*.jar; do
  twin="$(dirname "$dev_jar")/${jar#"$image"/lib/app/}"
  if ! cmp -s "$jar" "$twin"; then
    echo "# WARNING: $twin differs from the installed ${jar#"$image"/} (use --dev-jar)"
  fi
done

# The cfg's class path and options, for installed-java (the same strings as the launchers', so the
# AppCDS archive accepts them).
app_dir="$image/lib/app"
launcher_cp="$(sed -n 's/^app.classpath=//p' "$app_dir/flightdeck.cfg" | sed "s|\$APPDIR|$app_dir|" | paste -sd:)"
mapfile -t launcher_opts < <(sed -n 's/^java-options=//p' "$app_dir/flightdeck.cfg" | sed "s|\$APPDIR|$app_dir|")
launcher_main="$(sed -n 's/^app.mainclass=//p' "$app_dir/flightdeck.cfg")"

names=(baseline dev installed installed-nocds)
[[ -z "$native" ]] || names+=(installed-native)
names+=(installed-java)
for i in "${!tries[@]}"; do names+=("try$((i + 1))"); done
set_cmd() { # set_cmd VARIANT WORKSPACE: sets the array cmd
  case "$1" in
    baseline) cmd=(java -cp "$work/classes:$fxcp" io.flightdeck.bench.MinimalFxStart) ;;
    dev) cmd=(java -jar "$dev_jar" --workspace "$2" --exit-after-start) ;;
    installed) cmd=("$image/bin/flightdeck" --workspace "$2" --exit-after-start) ;;
    installed-nocds) cmd=("$nocds/bin/flightdeck" --workspace "$2" --exit-after-start) ;;
    installed-native) cmd=("$image/bin/flightdeck-native" --workspace "$2" --exit-after-start) ;;
    installed-java) cmd=("$image/lib/runtime/bin/java" "${launcher_opts[@]}" -cp "$launcher_cp"
      "$launcher_main" --workspace "$2" --exit-after-start) ;;
    try*) cmd=(env JAVA_TOOL_OPTIONS="${tries[${1#try} - 1]}" "$image/bin/flightdeck" --workspace "$2"
      --exit-after-start) ;;
  esac
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# one VARIANT: prints "shown ready total jvm_shown jvm_ready" (ms; jvm_*: the app's own ms= figures)
one() {
  local v="$1" t0 shown="" ready="" total jvm_shown="-" jvm_ready="-" line shown_marker ready_marker
  if [[ "$v" == baseline ]]; then
    shown_marker=minimalfx.shown ready_marker=minimalfx.shown
  else
    shown_marker=flightdeck.window.shown ready_marker=flightdeck.started
  fi
  set_cmd "$v" "$work/ws-$v"
  t0=$(now_ms)
  while IFS= read -r line; do
    if [[ -z "$shown" && "$line" == *"$shown_marker"* ]]; then
      shown=$(($(now_ms) - t0))
      [[ "$line" == *ms=* ]] && jvm_shown="${line##*ms=}"
    fi
    if [[ -z "$ready" && "$line" == *"$ready_marker"* ]]; then
      ready=$(($(now_ms) - t0))
      [[ "$line" == *ms=* ]] && jvm_ready="${line##*ms=}"
    fi
  done < <("${cmd[@]}" 2>>"$work/$v.err")
  total=$(($(now_ms) - t0))
  [[ -n "$ready" ]] || { echo "startup.sh: $v printed no '$ready_marker' (see $work/$v.err)" >&2; exit 1; }
  if [[ -z "$shown" ]]; then # the workspace opened and the app exited before the shown event ran
    echo "# $v: no '$shown_marker' line; counting the ready time as shown" >&2
    shown="$ready" jvm_shown="$jvm_ready"
  fi
  echo "$shown $ready $total $jvm_shown $jvm_ready"
}

stats() { # stats FILE COLUMN: "median min"
  sort -n <(cut -d' ' -f"$2" "$1") | awk '{a[NR]=$1} END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d %d\n", m, a[1] }'
}

echo "# $(date -u +%FT%TZ)  host: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "# java: $(java -version 2>&1 | head -1); dev: $dev_jar; installed: $source ($launcher_kind launcher); DISPLAY=$DISPLAY"
for i in "${!tries[@]}"; do echo "# try$((i + 1)): installed with JAVA_TOOL_OPTIONS=\"${tries[$i]}\""; done
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for v in "${names[@]}"; do one "$v" >/dev/null; done # warm-up, creates workspaces
for ((r = 1; r <= runs; r++)); do
  for v in "${names[@]}"; do
    result="$(one "$v")"
    echo "$result" >>"$work/$v.txt"
    # the spawn-to-JVM time of this start: wall-clock shown minus the app's own shown figure
    read -r s _ _ js _ <<<"$result"
    [[ "$js" == - ]] && pre=- || pre=$((s - js))
    echo "$pre" >>"$work/$v.pre"
    echo "# run $r $v: shown/ready/total/jvm-shown/jvm-ready ms = $result"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

read -r base_shown _ < <(stats "$work/baseline.txt" 1)
read -r base_ready _ < <(stats "$work/baseline.txt" 2)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-17s %12s %10s %12s %10s %12s %12s %9s %9s\n' variant "shown med" "shown min" "ready med" \
  "ready min" "total med" "pre-JVM med" "shown/bl" "ready/bl"
for v in "${names[@]}"; do
  read -r sm smin < <(stats "$work/$v.txt" 1)
  read -r rm rmin < <(stats "$work/$v.txt" 2)
  read -r tm _ < <(stats "$work/$v.txt" 3)
  read -r pm _ < <(stats "$work/$v.pre" 1)
  printf '%-17s %9d ms %7d ms %9d ms %7d ms %9d ms %9d ms %9s %9s\n' "$v" "$sm" "$smin" "$rm" "$rmin" \
    "$tm" "$pm" "$(ratio "$sm" "$base_shown")" "$(ratio "$rm" "$base_ready")"
done
