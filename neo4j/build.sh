#!/usr/bin/env bash
# Builds the embedded Neo4j launcher on first use (idempotent; safe to run concurrently).
#
# Produces
#   neo4j/target/classes/            the compiled launcher (org.pipelineatlas.neo4j.Launcher)
#   neo4j/target/classpath.txt       the Neo4j jars in ~/.m2, ':'-separated
# and does nothing when both are newer than pom.xml and the Java sources (and the jars are still there).
#
# Run the launcher afterwards with
#   java -cp "neo4j/target/classes:$(cat neo4j/target/classpath.txt)" org.pipelineatlas.neo4j.Launcher --help
# (server/db/localNeo4j.ts does all of this, with suitable JVM flags.)
#
# Options: --force  rebuild even when up to date.
# All messages go to stderr; stdout stays empty. Exit status 0 = launcher ready to run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/target"
classpath_file="$target/classpath.txt"
main_class="$target/classes/org/pipelineatlas/neo4j/Launcher.class"

force=false
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    -h | --help)
      sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
      exit 0
      ;;
    *)
      echo "neo4j/build.sh: unknown argument: $arg" >&2
      exit 2
      ;;
  esac
done

fail() {
  echo "neo4j/build.sh: $*" >&2
  exit 1
}

install_hint="install Java 17+ and Maven 3.8+, e.g. on Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless maven"

java_bin=java
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi
command -v "$java_bin" >/dev/null 2>&1 || fail "'java' was not found on PATH; $install_hint"
java_version="$("$java_bin" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)"
if [[ -n "$java_version" && "$java_version" -lt 17 ]]; then
  fail "Java $java_version found, but Neo4j 5.26 needs Java 17 or 21; $install_hint"
fi

# Up to date: both outputs exist, are newer than every input, and every jar they name still exists.
up_to_date() {
  [[ -s "$classpath_file" && -f "$main_class" ]] || return 1
  local output
  for output in "$classpath_file" "$main_class"; do
    if [[ -n "$(find "$here/pom.xml" "$here/src" -type f -newer "$output" -print -quit)" ]]; then
      return 1
    fi
  done
  local jar
  local IFS=':'
  for jar in $(<"$classpath_file"); do
    [[ -f "$jar" ]] || return 1
  done
  return 0
}

if ! $force && up_to_date; then
  exit 0
fi

mkdir -p "$target"
# Serialise concurrent builds (e.g. the test setup and a dev server starting at once).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$target/.build.lock"
  flock 9
  if ! $force && up_to_date; then
    exit 0
  fi
fi

command -v mvn >/dev/null 2>&1 || fail "'mvn' (Maven) was not found on PATH; $install_hint"

neo4j_version="$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$here/pom.xml" | head -n 1)"
if [[ -d "$HOME/.m2/repository/org/neo4j/neo4j/${neo4j_version}" ]]; then
  echo "Building the embedded Neo4j ${neo4j_version} launcher (neo4j/)…" >&2
else
  echo "Fetching Neo4j ${neo4j_version} from Maven Central and building the launcher (first run only, takes a few minutes)…" >&2
fi

tmp_classpath="$target/classpath.txt.tmp.$$"
trap 'rm -f "$tmp_classpath"' EXIT
# Debian's Maven 3.8 prints colour-reset escapes even in batch mode; strip them (and blank lines).
set +e
mvn -B -ntp -q -Dstyle.color=never -f "$here/pom.xml" \
  compile dependency:build-classpath \
  -Dmdep.outputFile="$tmp_classpath" -Dmdep.pathSeparator=':' 2>&1 |
  sed -u 's/\x1b\[[0-9;]*m//g' | { grep -v '^[[:space:]]*$' >&2 || true; }
mvn_status="${PIPESTATUS[0]}"
set -e
if [[ "$mvn_status" -ne 0 ]]; then
  fail "the Maven build failed (exit $mvn_status); see the messages above. Maven Central must be reachable on the first run."
fi
[[ -s "$tmp_classpath" && -f "$main_class" ]] || fail "the Maven build did not produce $classpath_file and $main_class"
mv -f "$tmp_classpath" "$classpath_file"
# Maven may skip rewriting unchanged classes; mark both outputs as fresh for the up-to-date check.
touch "$main_class" "$classpath_file"
echo "Neo4j launcher ready (neo4j/target)." >&2
