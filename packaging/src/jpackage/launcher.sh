#!/bin/sh
# Flightdeck's Linux launcher, bin/flightdeck. build.sh puts it in place of the native launcher that
# jpackage generates (docs/adr/0006-script-launcher-on-linux.md): JDK 17's native launcher runs
# `rpm -qf` and `dpkg -S` on itself at every start, 0.4-0.6 s on the box where this was measured.
#
# It starts the bundled runtime, lib/runtime/bin/java, the way the native launcher would: the Java
# options, class path and main class come from lib/app/<this script's name>.cfg, the file jpackage
# generated and still the only place that names them ($APPDIR, $BINDIR and $ROOTDIR expanded as
# jpackage does), then -Djpackage.app-path=<this script>, then the user's arguments ("$@"; the cfg's
# [ArgOptions] only when there are none). The class path string must stay exactly what
# lib/app/make-appcds.sh dumped the AppCDS archive with, which it is because make-appcds.sh runs this
# script. A cfg line this script does not understand stops it (the build and the tests run it, so a
# new jpackage option fails there, not silently at a user's desk).
#
# Debug: FLIGHTDECK_LAUNCHER_DEBUG=1 prints the java command line to stderr before starting it.

# Where this script really is: follow symlinks (e.g. /usr/local/bin/flightdeck -> here).
self=$0
case $self in */*) ;; *) self=./$self ;; esac
while [ -h "$self" ]; do
    link=$(readlink -- "$self") || exit 1
    case $link in
        /*) self=$link ;;
        *) self=${self%/*}/$link ;;
    esac
done
name=${self##*/}
bin=$(cd -P -- "${self%/*}" && pwd -P) || exit 1
root=${bin%/*}
app=$root/lib/app
java=$root/lib/runtime/bin/java
cfg=$app/$name.cfg

die() {
    echo "$name: $*" >&2
    exit 1
}
[ -r "$cfg" ] || die "cannot read $cfg"
[ -x "$java" ] || die "no Java runtime at $java"

replace() { # replace MACRO PATH: every MACRO in $value becomes PATH
    rest=$value
    value=
    while :; do
        case $rest in
            *"$1"*)
                value=$value${rest%%"$1"*}$2
                rest=${rest#*"$1"}
                ;;
            *)
                value=$value$rest
                return
                ;;
        esac
    done
}
expand() { # expand TEXT: sets $value to TEXT with jpackage's cfg macros expanded
    value=$1
    replace '$APPDIR' "$app"
    replace '$BINDIR' "$bin"
    replace '$ROOTDIR' "$root"
}

# The java options go after the user's arguments for now (a POSIX shell has one array, "$@"); the
# user's $n arguments are rotated to the end below.
n=$#
classpath=
main=
defaults=0
section=
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        '' | '#'* | ';'*) continue ;;
        '['*']')
            section=$line
            continue
            ;;
    esac
    expand "${line#*=}"
    case $section${line%%=*} in
        '[Application]app.classpath') classpath=${classpath:+$classpath:}$value ;;
        '[Application]app.mainclass') main=$value ;;
        '[JavaOptions]java-options') set -- "$@" "$value" ;;
        '[ArgOptions]arguments') defaults=1 ;;
        *) die "$cfg: '$line' (in $section) is not supported by this launcher (packaging/src/jpackage/launcher.sh)" ;;
    esac
done <"$cfg"
[ -n "$main" ] || die "$cfg names no app.mainclass"
set -- "$@" "-Djpackage.app-path=$bin/$name" -cp "$classpath" "$main"
i=0
while [ "$i" -lt "$n" ]; do
    set -- "$@" "$1"
    shift
    i=$((i + 1))
done
if [ "$n" -eq 0 ] && [ "$defaults" -eq 1 ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            '['*']') section=$line ;;
            arguments=*) if [ "$section" = '[ArgOptions]' ]; then
                expand "${line#*=}"
                set -- "$@" "$value"
            fi ;;
        esac
    done <"$cfg"
fi
if [ -n "${FLIGHTDECK_LAUNCHER_DEBUG:-}" ]; then
    printf '%s' "$java" >&2
    printf ' [%s]' "$@" >&2
    printf '\n' >&2
fi
exec "$java" "$@"
