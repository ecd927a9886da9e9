# Shared by the runtime benchmarks (tools/bench/commands, tools/bench/redemptions): sourced, not run.
# psql_ on the runtime's PostgreSQL; settle until the projection has applied everything; the CPU time each platform
# process spends between two readings, per command.
HUB_HOME="${HUB_HOME:-$PWD/.hub}"
PG_PORT="${HUB_PG_PORT:-15432}"
export PGPASSWORD=postgres
psql_() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -t -A "$@"; }

applied() { curl -fs "http://127.0.0.1:${HUB_PROJECTION_PORT:-8085}/q/metrics" 2>/dev/null \
  | awk '/^hub_consumer_events_total/ && /outcome="applied"/ {n += $2} END {printf "%d", n}'; }

settle() { # the read models caught up: the projection applies the previous run's events on the same two cores,
           # which would otherwise weigh on the next run
  local last=-1 now i
  for i in $(seq 1 300); do
    now="$(applied)"
    [[ "$now" == "$last" ]] && return 0
    last="$now"; sleep 2
  done
}

cpu_ticks() { # names…: "name ticks" for each named platform process, PostgreSQL's server processes summed, and this
              # shell's reaped children (wrk, or the JDK client)
  local name pid p t
  for name in "$@"; do
    pid="$(cat "$HUB_HOME/run/$name.pid" 2>/dev/null || true)"
    [[ -n "$pid" ]] && echo "$name $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"
  done
  # the runtime's server only (not the test kit's of a build running beside): its postmaster, what its reaped
  # children spent (parallel workers, closed connections), and its live children
  local postmaster; postmaster="$(head -1 "$HUB_HOME/pg/postmaster.pid" 2>/dev/null || true)"
  t=0
  if [[ -n "$postmaster" ]]; then
    t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat" 2>/dev/null || echo 0)
    for p in $(pgrep -P "$postmaster"); do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done
  fi
  echo "postgres $t"
  echo "load-client $(awk '{print $16 + $17}' /proc/$$/stat)"
}

cpu_per() { # what before after count: CPU milliseconds each process spent per command between the two readings
  paste <(echo "$2") <(echo "$3") | awk -v what="$1" -v n="$4" -v hz="$(getconf CLK_TCK)" '
    { ms = ($4 - $2) * 1000 / hz / n; total += ms; line = line sprintf("%s %.3f, ", $1, ms) }
    END { printf "  CPU per %s (ms): %stotal %.3f (the machine has %d ms of CPU a second)\n", what, line, total, 1000 * '"$(nproc)"' }'
}
