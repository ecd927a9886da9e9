# processes.sh — sourced by ./hub: which of the runtime's processes run, and what they answer.
# shellcheck shell=bash
# A pid file is only a hint: a process is running if it exists, is not a zombie and is the component (its command
# line); a component is healthy if it answers on its protocol. Uses ./hub's RUN, HUB_HOME, PG_PORT, KAFKA_PORT, PORT.
# --- processes ------------------------------------------------------------------------------------------
pid_of() { [[ -f "$RUN/$1.pid" ]] && cat "$RUN/$1.pid" || true; }
# One-letter state of a process (R, S, D, Z…), empty when it is gone. A zombie (Z: exited, not yet reaped) answers
# kill -0 but runs nothing, so every check below counts it as dead.
pstate() {
  [[ -n "$1" ]] || return 0
  if [[ -r "/proc/$1/stat" ]]; then sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1 || true
  else ps -o stat= -p "$1" 2>/dev/null | cut -c1 || true; fi
}
pid_running() { local s; s="$(pstate "$1")"; [[ -n "$s" && "$s" != Z ]]; }
cmdline() { if [[ -r "/proc/$1/cmdline" ]]; then tr '\0' ' ' <"/proc/$1/cmdline"; else ps -o command= -p "$1" 2>/dev/null; fi; }
# What each component's command line contains: a pid file left by a crash may point at a pid since reused by an
# unrelated process, which must then count as stopped (and never be killed by ./hub stop).
marker() {
  case "$1" in
    postgres) echo fr.hubag.localinfra.LocalPostgres ;;
    kafka) echo kafka.Kafka ;;
    *) echo "services/$1/target/quarkus-app/quarkus-run.jar" ;;
  esac
}
alive() {
  local pid; pid="$(pid_of "$1")"
  pid_running "$pid" && [[ "$(cmdline "$pid")" == *"$(marker "$1")"* ]]
}
# The component's living supervisors, found by their command line (this HUB_HOME's run folder), not by a pid file
# that a crash or an older ./hub may have lost: there is one, unless something went wrong.
supervisors_of() {
  local pid args
  while read -r pid args; do
    case "$args" in
      *"local-infra/supervise $1 $RUN "* | *"local-infra/supervise --watch-pidfile "*" $1 $RUN "*)
        pid_running "$pid" && echo "$pid" ;;
    esac
  done < <(ps -eo pid=,args= 2>/dev/null)
  return 0
}
supervisor_of() { local pids; pids="$(supervisors_of "$1")"; echo "${pids%%$'\n'*}"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
stop_pid() { # pid, seconds before SIGKILL
  local i; kill -TERM "$1" 2>/dev/null || return 0
  for i in $(seq 1 $(($2 * 5))); do pid_running "$1" || return 0; sleep 0.2; done
  kill -KILL "$1" 2>/dev/null || true
}

wait_for() { # description, seconds, command...
  local what="$1" seconds="$2" i; shift 2
  for i in $(seq 1 $((seconds * 5))); do
    if "$@"; then return 0; fi
    sleep 0.2
  done
  return 1
}

# --- probes: real answers, not just a pid -----------------------------------------------------------------
# PostgreSQL: a protocol 3.0 startup message; the first byte back is 'R' (authentication) from a server that
# accepts connections, 'E' from one starting up, shutting down or in recovery.
pg_answers() {
  [[ "$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "\x00\x00\x00\x29\x00\x03\x00\x00user\x00postgres\x00database\x00postgres\x00\x00" >&3
    IFS= read -r -n 1 reply <&3; printf "X\x00\x00\x00\x04" >&3 2>/dev/null; printf %s "$reply"' _ "$PG_PORT" 2>/dev/null)" == R ]]
}
# Kafka: an ApiVersions v0 request (correlation id 7); a broker that serves requests answers 7 and error code 0.
kafka_answers() {
  [[ "$(timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "\x00\x00\x00\x0a\x00\x12\x00\x00\x00\x00\x00\x07\xff\xff" >&3
    head -c 10 <&3 | od -An -tx1 | tr -d " \n"' _ "$KAFKA_PORT" 2>/dev/null)" == ????????000000070000 ]]
}
# /q/health/live without forking curl (the supervisors run it every few seconds): 0 UP, 3 DOWN (e.g. a Kafka
# consumer stopped by a failure: only a restart brings it back), 1 no answer
http_live() {
  local line
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /q/health/live HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -t 5 line <&3 || true
  exec 3<&-
  case "$line" in "HTTP/"*" 200"*) return 0 ;; "HTTP/"*) return 3 ;; *) return 1 ;; esac
}
http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:${PORT[$1]}$2" || true; }
healthy() { [[ "$(http_status "$1" /q/health/ready)" == 200 ]]; }
# The PostgreSQL server itself (the launcher starts it through pg_ctl, so it is not the launcher's child).
postmaster_pid() { head -n 1 "$HUB_HOME/pg/postmaster.pid" 2>/dev/null || true; }
postmaster_running() {
  local pid; pid="$(postmaster_pid)"
  pid_running "$pid" && [[ "$(cmdline "$pid")" == *"-D $HUB_HOME/pg "* ]]
}
ready() { # the component does its job: 0 yes
  case "$1" in
    postgres) alive postgres && postmaster_running && pg_answers ;;
    kafka) alive kafka && kafka_answers ;;
    *) alive "$1" && healthy "$1" ;;
  esac
}
# The supervisor's probe: 0 answering, 2 dead for sure (restart now), 3 answering "broken", 1 not answering
# (restart if it lasts). A service is judged on its liveness, not its readiness: one whose database or broker is
# down is not ready, stays alive, and recovers by itself when they are back. A launcher whose PostgreSQL server
# died is dead even though its own process lives.
cmd_live() {
  case "$1" in
    postgres)
      # a negative pid is initdb's standalone backend, not a server
      if [[ "$(postmaster_pid)" == [0-9]* ]] && ! postmaster_running; then return 2; fi
      pg_answers || return 1 ;;
    kafka) kafka_answers || return 1 ;;
    *) http_live "${PORT[$1]}" ;;
  esac
}

# A PostgreSQL server left running by a launcher killed with SIGKILL is stopped (fast shutdown) and the lock files
# of a dead one removed: a zombie postmaster still answers kill -0, so PostgreSQL itself would refuse to start.
postgres_cleanup() {
  local pid lock="/tmp/.s.PGSQL.$PG_PORT.lock"
  pid="$(postmaster_pid)"
  [[ -n "$pid" ]] || return 0
  if postmaster_running; then
    echo "hub: stopping the PostgreSQL server (pid $pid) left without its launcher"
    kill -INT "$pid" 2>/dev/null || true
    wait_for postmaster 30 eval '! pid_running '"$pid" || kill -KILL "$pid" 2>/dev/null || true
    wait_for postmaster 5 eval '! pid_running '"$pid" || true
  fi
  if [[ -f "$lock" && "$(head -n 1 "$lock")" == "$pid" ]]; then rm -f "$lock"; fi
  rm -f "$HUB_HOME/pg/postmaster.pid"
}

require_free() { # name, port
  if port_open "$2"; then die "port $2 (for $1) is already in use; set HUB_${1^^}_PORT to another port or stop what uses it"; fi
}
