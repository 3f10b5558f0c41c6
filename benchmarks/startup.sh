#!/usr/bin/env bash
# Cold start to window shown: N fresh JVMs of each variant, round-robin (so load on a shared box
# hits every variant alike), after one unmeasured warm-up each. Per start it takes two wall-clock
# times, measured here from spawn: to the marker line (window shown, and for Flightdeck also the
# workspace open) and to process exit. Prints median and min per variant, and the ratio of the
# medians to the baseline.
#
#   benchmarks/startup.sh [-n N] [--deb FILE | --image DIR] [--dev-jar JAR]
#
# Variants:
#   baseline       a minimal JavaFX window (benchmarks/src/.../MinimalFxStart.java, compiled here
#                  against the JavaFX jars in app/target/lib), the system JDK, JavaFX on the class path
#   dev            java -jar app/target/flightdeck.jar --workspace TMP --exit-after-start (the system JDK
#                  with its own CDS archive); --dev-jar names another jar, e.g. the packaging's staged
#                  packaging/target/jpackage/input/flightdeck.jar when app/target has moved on since the
#                  .deb was built (the script warns when the jars differ)
#   installed      the .deb extracted (dpkg-deb -x), bundled runtime, with the AppCDS archive that
#                  the postinst would make (its make-appcds.sh run on the extracted files)
#   installed-nocds  the same files without an archive (as an extracted .deb or an app-image before
#                  make-appcds.sh runs there: the JVM then shares no classes at all)
#   installed-java   the same files and archive, started by the bundled bin/java with the launcher's
#                  exact class path and options instead of jpackage's launcher (which runs
#                  `rpm -qf` and `dpkg -S` on itself at every start): what a script launcher would give
#
# Needs: a built app (mvn -pl core,local-store,views,controllers,app install -DskipTests) and the
# packaging output (mvn -pl packaging package), or --deb/--image. Without $DISPLAY it re-runs itself
# under xvfb-run -a (one X server for all starts, so the server's own start is not measured).
set -euo pipefail

runs=5
deb=""
image=""
dev_jar=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --deb) deb="$2"; shift 2 ;;
    --image) image="$2"; shift 2 ;;
    --dev-jar) dev_jar="$(realpath "$2")"; shift 2 ;;
    -h | --help) sed -n '2,28p' "$0"; exit 0 ;;
    *) echo "startup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" -n "$runs" \
    ${deb:+--deb "$deb"} ${image:+--image "$image"} ${dev_jar:+--dev-jar "$dev_jar"}
fi

work="$root/benchmarks/target/startup"
rm -rf "$work"
mkdir -p "$work"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS

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
  image="$work/extracted/flightdeck"
  source="$image"
fi
cp -a "$(dirname "$image")" "$work/nocds"
nocds="$work/nocds/$(basename "$image")"
sh "$image/lib/app/make-appcds.sh" >/dev/null

# The dev jar and the installed jars should be the same build, or dev vs installed compares code too.
dev_jar="${dev_jar:-$root/app/target/flightdeck.jar}"
for jar in "$image"/lib/app/flightdeck.jar "$image"/lib/app/lib/*.jar; do
  twin="$(dirname "$dev_jar")/${jar#"$image"/lib/app/}"
  if ! cmp -s "$jar" "$twin"; then
    echo "# WARNING: $twin differs from the installed ${jar#"$image"/} (use --dev-jar)"
  fi
done

# The launcher's class path and options, for installed-java (the same strings as the launcher's, so
# the AppCDS archive accepts them).
app_dir="$image/lib/app"
launcher_cp="$(sed -n 's/^app.classpath=//p' "$app_dir/flightdeck.cfg" | sed "s|\$APPDIR|$app_dir|" | paste -sd:)"
mapfile -t launcher_opts < <(sed -n 's/^java-options=//p' "$app_dir/flightdeck.cfg" | sed "s|\$APPDIR|$app_dir|")
launcher_main="$(sed -n 's/^app.mainclass=//p' "$app_dir/flightdeck.cfg")"

names=(baseline dev installed installed-nocds installed-java)
markers=(minimalfx.shown flightdeck.started flightdeck.started flightdeck.started flightdeck.started)
set_cmd() { # set_cmd VARIANT WORKSPACE: sets the array cmd
  case "$1" in
    baseline) cmd=(java -cp "$work/classes:$fxcp" io.flightdeck.bench.MinimalFxStart) ;;
    dev) cmd=(java -jar "$dev_jar" --workspace "$2" --exit-after-start) ;;
    installed) cmd=("$image/bin/flightdeck" --workspace "$2" --exit-after-start) ;;
    installed-nocds) cmd=("$nocds/bin/flightdeck" --workspace "$2" --exit-after-start) ;;
    installed-java) cmd=("$image/lib/runtime/bin/java" "${launcher_opts[@]}" -cp "$launcher_cp"
      "$launcher_main" --workspace "$2" --exit-after-start) ;;
  esac
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# one VARIANT INDEX: prints "shown_ms total_ms jvm_ms" (jvm_ms: the app's own ms= figure, or -)
one() {
  local v="$1" i="$2" marker="${markers[$2]}" t0 shown="" total jvm="-" line
  set_cmd "$v" "$work/ws-$v"
  t0=$(now_ms)
  while IFS= read -r line; do
    if [[ -z "$shown" && "$line" == *"$marker"* ]]; then
      shown=$(($(now_ms) - t0))
      [[ "$line" == *ms=* ]] && jvm="${line##*ms=}"
    fi
  done < <("${cmd[@]}" 2>>"$work/$v.err")
  total=$(($(now_ms) - t0))
  [[ -n "$shown" ]] || { echo "startup.sh: $v printed no '$marker' (see $work/$v.err)" >&2; exit 1; }
  echo "$shown $total $jvm"
}

stats() { # stats FILE COLUMN: "median min"
  sort -n <(cut -d' ' -f"$2" "$1") | awk '{a[NR]=$1} END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d %d\n", m, a[1] }'
}

echo "# $(date -u +%FT%TZ)  host: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "# java: $(java -version 2>&1 | head -1); dev: $dev_jar; installed: $source; DISPLAY=$DISPLAY"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!names[@]}"; do one "${names[$i]}" "$i" >/dev/null; done # warm-up, creates workspaces
for ((r = 1; r <= runs; r++)); do
  for i in "${!names[@]}"; do
    result="$(one "${names[$i]}" "$i")"
    echo "$result" >>"$work/${names[$i]}.txt"
    echo "# run $r ${names[$i]}: shown/total/jvm ms = $result"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

read -r base_med _ < <(stats "$work/baseline.txt" 1)
printf '%-16s %14s %11s %14s %11s %9s\n' variant "shown median" "shown min" "total median" "total min" "x baseline"
for v in "${names[@]}"; do
  read -r sm smin < <(stats "$work/$v.txt" 1)
  read -r tm tmin < <(stats "$work/$v.txt" 2)
  printf '%-16s %11d ms %8d ms %11d ms %8d ms %9s\n' "$v" "$sm" "$smin" "$tm" "$tmin" \
    "$(awk -v a="$sm" -v b="$base_med" 'BEGIN { printf "%.2f", a / b }')"
done
