#!/usr/bin/env bash
# The benchmark harness: full build, incremental rebuild in serve, and search payload, for the
# synthetic corpus at each size, against Hugo and Pagefind when they are installed.
#
#   bench/run.sh [--sizes 1000,10000] [--repeat 3] [--jar target/kbgen.jar]
#                [--generator ../shared/bench/gen_corpus.py] [--work /tmp/kbgen-bench]
#                [--out bench/results/DATE] [--edits 6] [--skip-hugo] [--skip-serve] [--skip-browser]
#
# Writes the raw measurements and results.md into --out and prints results.md (the tables of
# docs/benchmarks.md). Corpora, sites and Hugo's site live in --work, outside the repository;
# a corpus is generated once per size and reused while the generator is unchanged.
# See docs/benchmarks.md.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
sizes=1000,10000
repeat=3
jar=$repo/target/kbgen.jar
generator=$repo/../shared/bench/gen_corpus.py
work=/tmp/kbgen-bench
out=$repo/bench/results/$(date -u +%Y%m%d-%H%M)
edits=6
skip_hugo=false
skip_serve=false
skip_browser=false

usage() { sed -n '5,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
while (($#)); do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --jar) jar=$2; shift 2 ;;
    --generator) generator=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --edits) edits=$2; shift 2 ;;
    --skip-hugo) skip_hugo=true; shift ;;
    --skip-serve) skip_serve=true; shift ;;
    --skip-browser) skip_browser=true; shift ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown option $1" >&2; usage ;;
  esac
done

die() { echo "run.sh: $*" >&2; exit 2; }
[[ -f $jar ]] || die "no jar at $jar: ./mvnw -q -B package -DskipTests, or pass --jar"
[[ -f $generator ]] || die "no corpus generator at $generator: pass --generator"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: apt-get install time"
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
# kbgen runs through its launcher (bin/kbgen: the JVM settings it is measured and documented with).
kbgen=(env KBGEN_JAR="$jar" "$repo/bin/kbgen")
generator=$(cd "$(dirname "$generator")" && pwd)/$(basename "$generator")
mkdir -p "$work" "$out"
work=$(cd "$work" && pwd)
out=$(cd "$out" && pwd)

pagefind=$bench/node_modules/@pagefind/linux-x64/bin/pagefind_extended
with_hugo=false
if ! $skip_hugo; then
  if command -v hugo > /dev/null && [[ -x $pagefind ]]; then
    with_hugo=true
  else
    echo "run.sh: Hugo or Pagefind missing (apt-get install hugo; npm install --prefix bench): kbgen only" >&2
  fi
fi
with_browser=false
if ! $skip_browser; then
  if command -v chromium > /dev/null; then with_browser=true; else echo "run.sh: no chromium: browser figures skipped" >&2; fi
fi

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# The machine, for the record.
{
  echo "date: $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores: $(nproc)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "java: $(java -version 2>&1 | sed -n 1p)"
  echo "kbgen: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown) (${jar#"$repo"/})"
  if $with_hugo; then
    echo "hugo: $(hugo version | cut -d' ' -f2)"
    echo "pagefind: $("$pagefind" --version 2>/dev/null || echo unknown)"
  fi
  if $with_browser; then echo "chromium: $(chromium --version 2>/dev/null)"; fi
  echo "node: $(node --version)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "repeat: $repeat"
} > "$out/machine.txt"

# corpus N: DIR/content with site.yaml, regenerated when the generator or N changed.
corpus() {
  local n=$1 dir=$work/corpus-$1 stamp
  stamp="$(sha256sum "$generator" | cut -d' ' -f1) $n"
  if [[ ! -f $dir/stamp || $(cat "$dir/stamp") != "$stamp" ]]; then
    log "generating the corpus: $n article pairs"
    if [[ -e $dir ]]; then rm -rf "$dir"; removed; fi
    mkdir -p "$dir"
    python3 "$generator" "$n" "$dir/content"
    python3 "$bench/site-yaml.py" "$generator" "$dir/content"
    echo "$stamp" > "$dir/stamp"
  fi
}

# hugo_site N: a Hugo site reading the corpus in place.
hugo_site() {
  local n=$1 site=$work/hugo-site-$1 content=$work/corpus-$1/content
  rm -rf "$site"
  mkdir -p "$site"
  cp -r "$bench/hugo/layouts" "$site/"
  sed -e "s|^  languageCode = \"en\"$|&\n  contentDir = \"$content/en\"|" \
      -e "s|^  languageCode = \"zh\"$|&\n  contentDir = \"$content/zh\"|" \
      "$bench/hugo/hugo.toml" > "$site/hugo.toml"
}

# timed NAME CMD...: runs CMD under /usr/bin/time -v, stdout+stderr to NAME.log, times to NAME.time.
timed() {
  local name=$1; shift
  /usr/bin/time -v -o "$name.time" "$@" > "$name.log" 2>&1 || {
    echo "run.sh: failed: $* (see $name.log)" >&2; tail -20 "$name.log" >&2; exit 1; }
}

# Every timed run writes into a folder of its own under $runs, made new and removed only after the
# last measurement. Deleting a large tree is slow and is not part of a build, and ext4 without a
# journal (as on the machine these figures come from) passes over every inode freed in the last
# minute when it creates a file: a build started right after a deletion pays for it, the more
# files it writes the more. So every deletion is noted, and the first measurement waits until the
# last deletion is 90 s old (after a sync).
runs=$work/runs
deleted=$work/.deleted-at
removed() { date +%s > "$deleted"; }
settle() {
  if [[ -e $runs ]]; then
    log "removing the sites of an earlier run"
    rm -rf "$runs"
    removed
  fi
  mkdir -p "$runs"
  if [[ -f $deleted ]]; then
    local age
    age=$(( $(date +%s) - $(cat "$deleted") ))
    if (( age < 90 )); then
      sync
      log "waiting $(( 90 - age )) s after a deletion (see run.sh: settle)"
      sleep $(( 90 - age ))
    fi
  fi
}

# The libraries alone (bench/LibraryFloor.java), compiled once against the jar, run with the JVM
# options bin/kbgen picks for the same corpus: the launcher is run with a java that prints them.
floor=$work/floor
rm -rf "$floor"
mkdir -p "$floor/classes" "$floor/jdk/bin"
javac -d "$floor/classes" -cp "$jar" "$bench/LibraryFloor.java"
printf '#!/bin/sh\nfor a in "$@"; do [ "$a" = -jar ] && break; printf "%%s\\n" "$a"; done\n' > "$floor/jdk/bin/java"
chmod +x "$floor/jdk/bin/java"
floor_opts() {
  JAVA_HOME=$floor/jdk KBGEN_JAR="$jar" "$repo/bin/kbgen" build --content "$1" |
    grep -v -e '^-XX:SharedArchiveFile=' -e '^-Xlog:cds'
}

IFS=, read -r -a size_list <<< "$sizes"
largest=${size_list[-1]}
for n in "${size_list[@]}"; do corpus "$n"; done
settle
for n in "${size_list[@]}"; do
  content=$work/corpus-$n/content
  res=$out/$n
  mkdir -p "$res"
  $with_hugo && hugo_site "$n"
  for ((r = 1; r <= repeat; r++)); do
    # Alternately: kbgen, then Hugo and Pagefind on Hugo's output, each into a new empty folder.
    log "N=$n run $r/$repeat: kbgen build"
    timed "$res/kbgen-$r" "${kbgen[@]}" build --content "$content" --templates "$repo/templates" \
      --out "$runs/kbgen-$n-$r" --timings
    log "N=$n run $r/$repeat: the libraries alone"
    mapfile -t opts < <(floor_opts "$content")
    timed "$res/floor-$r" java "${opts[@]}" -cp "$jar:$floor/classes" LibraryFloor "$content"
    if $with_hugo; then
      log "N=$n run $r/$repeat: hugo"
      timed "$res/hugo-$r" hugo --source "$work/hugo-site-$n" --destination "$runs/hugo-$n-$r" --quiet
      find "$runs/hugo-$n-$r" -name '*.html' | wc -l > "$res/hugo-$r.pages"
      log "N=$n run $r/$repeat: pagefind"
      timed "$res/pagefind-$r" "$pagefind" --site "$runs/hugo-$n-$r"
    fi
  done
  # The search payload, from the last build.
  site=$runs/kbgen-$n-$repeat
  hugo_out=$runs/hugo-$n-$repeat
  log "N=$n search payload"
  python3 - "$site/search" "$n" > "$res/index.tsv" <<'PY'
import gzip, os, sys
root, n = sys.argv[1], int(sys.argv[2])
for lang in sorted(os.listdir(root)):
    d = os.path.join(root, lang)
    if not os.path.isdir(d):
        continue
    files = raw = gz = 0
    for dirpath, _, names in os.walk(d):
        for name in names:
            data = open(os.path.join(dirpath, name), "rb").read()
            files += 1
            raw += len(data)
            gz += len(gzip.compress(data, 9, mtime=0))
    print(f"{lang}\t{files}\t{raw}\t{gz}\t{n}")
PY
  for lang in en zh; do
    node "$bench/cold-query.js" "$site" "$lang" "$bench/queries-$lang.txt" > "$res/cold-$lang.txt"
    if $with_hugo && $with_browser; then
      node "$bench/pagefind-cold-query.js" "$hugo_out" "$lang" "$bench/queries-$lang.txt" > "$res/pagefind-cold-$lang.txt"
    fi
  done
  if $with_hugo; then
    python3 - "$hugo_out/pagefind" > "$res/pagefind-index.tsv" <<'PY'
import os, sys
root = sys.argv[1]
files = size = 0
for dirpath, _, names in os.walk(root):
    for name in names:
        files += 1
        size += os.path.getsize(os.path.join(dirpath, name))
print(f"all\t{files}\t{size}")
PY
  fi
  if $with_browser && [[ $n == "$largest" ]]; then
    log "N=$n browser latency"
    for lang in en zh; do
      "$bench/browser-latency.sh" "$site" "$lang" "$bench/queries-$lang.txt" 5 > "$res/latency-$lang.txt"
    done
  fi
  if ! $skip_serve && [[ $n == "$largest" ]]; then
    log "N=$n serve: $edits article edits, $edits template edits"
    rm -rf "$work/templates-serve"
    cp -r "$repo/templates" "$work/templates-serve"
    article=$(find "$content/en" -name '*.md' | sort | sed -n 1p)
    node "$bench/serve-rebuild.js" "$jar" "$content" "$work/templates-serve" "$article" \
      "$work/templates-serve/article.peb" "$edits" > "$res/serve.txt"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
log "removing the sites"
rm -rf "$runs"
removed
python3 "$bench/report.py" "$out" > "$out/results.md"
cat "$out/results.md"
log "results in $out/results.md"
