#!/usr/bin/env bash
# Serve the app as N Streamlit replicas behind nginx, in the foreground.
#
#   bash deploy/serve.sh N [PORT]        e.g.  bash deploy/serve.sh 2        (→ :8501)
#
# One Streamlit server is one Python process and its script runs share the GIL: on a
# 2-core machine it uses about 1.2 cores. N replicas (`streamlit run app.py` on
# 127.0.0.1:PORT+1 ... PORT+N, each with the project's .streamlit/config.toml) use
# them all; nginx on PORT spreads browsers over them and keeps each browser on its own
# replica (a route cookie, see deploy/nginx.conf.template), since a session's
# websocket, its /media/ files and its uploads live in one replica's memory.
# The app keeps no shared state (everything is in the URL or the session), so a
# shared link shows the same view on any replica.
#
# The script waits until every replica answers /_stcore/health, opens each one's home
# page once (which starts that replica's background warm-up of every default view), then
# nginx starts and the URL is printed. Ctrl-C or SIGTERM stops nginx and every replica (TERM, then KILL
# after 10 s); if any one of them dies, the others are stopped too and the script exits
# non-zero. Needs bash 5.1+ (wait -n -p).
#
# Environment:
#   SERVE_ADDRESS=0.0.0.0    address nginx listens on (default 127.0.0.1: this machine
#                            only; 0.0.0.0 lets a class reach it). Replicas always
#                            listen on 127.0.0.1.
#   SERVE_HEALTH_TIMEOUT=90  seconds to wait for the replicas to become healthy.
#   SERVE_RUN_DIR=...        runtime files (default deploy/run/PORT, gitignored):
#                            nginx.conf, nginx.pid, access.log (with the replica that
#                            served each request), error.log, replica-<port>.log, tmp/.
#   NGINX=/usr/sbin/nginx    the nginx binary (Debian: apt-get install -y nginx).
#   PYTHON=python3           the Python that has streamlit installed.
#   MALLOC_ARENA_MAX=2       passed to the replicas (default 2: fewer malloc arenas,
#                            less heap growth across script threads; measured 556 →
#                            375 MB RSS after 600 varied visitors on one server). The
#                            app sets the same limit itself when it is unset
#                            (serving/startup.py), so plain `streamlit run` has it too.
#   SLOPE_WARMUP=0           no warm-up of the default views.
set -euo pipefail

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$DEPLOY_DIR")
NGINX=${NGINX:-/usr/sbin/nginx}
PYTHON=${PYTHON:-python3}
ADDRESS=${SERVE_ADDRESS:-127.0.0.1}
HEALTH_TIMEOUT=${SERVE_HEALTH_TIMEOUT:-90}
STOP_TIMEOUT=10
PIDS=()

die() {
  echo "serve.sh: $*" >&2
  exit 1
}

usage() {
  echo "usage: bash deploy/serve.sh N [PORT]   (N replicas, 1-32; PORT default 8501)" >&2
  exit 2
}

# --- arguments and checks ---------------------------------------------------------

parse_args() {
  [ $# -ge 1 ] && [ $# -le 2 ] || usage
  [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 32 ] || usage
  REPLICAS=$1
  PORT=${2:-8501}
  [[ $PORT =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1 ] && [ "$((PORT + REPLICAS))" -le 65535 ] \
    || die "PORT must be a number from 1 to $((65535 - REPLICAS)), not '$PORT'"
  [[ $HEALTH_TIMEOUT =~ ^[0-9]+$ ]] || die "SERVE_HEALTH_TIMEOUT must be whole seconds"
}

require_nginx() {
  [ -x "$NGINX" ] && return
  die "nginx is not installed ($NGINX not found). On Debian/Ubuntu: apt-get install -y nginx
       (only the binary is used: this script writes its own config and never touches /etc/nginx)"
}

port_in_use() {
  # A TCP connect to host $1, port $2 that succeeds means something already listens there.
  (exec 3<>"/dev/tcp/${1//[\[\]]/}/$2") 2>/dev/null
}

require_free_ports() {
  local port
  ! port_in_use "$PROBE_HOST" "$PORT" || die "port $PORT is already in use on $PROBE_HOST"
  for port in $(seq "$((PORT + 1))" "$((PORT + REPLICAS))"); do
    ! port_in_use 127.0.0.1 "$port" \
      || die "port $port is already in use (the replicas need ports $((PORT + 1))-$((PORT + REPLICAS)))"
  done
}

# --- processes ---------------------------------------------------------------------

stop_all() {
  # Stop everything this script started: TERM, then KILL whatever is left at the deadline.
  # A second Ctrl-C must not cut this short (it would leave orphans): ignore it.
  trap - EXIT
  trap '' INT TERM
  local pid deadline=$((SECONDS + STOP_TIMEOUT))
  [ ${#PIDS[@]} -gt 0 ] || return 0
  kill -TERM "${PIDS[@]}" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  echo "serve.sh: stopped nginx and ${REPLICAS} replica(s)" >&2
}

http_get() {
  # Print the body of an HTTP GET (2 s timeout); nothing if it fails.
  "$PYTHON" - "$1" <<'PY' 2>/dev/null || true
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
    print(response.read().decode().strip())
PY
}

start_replicas() {
  local i port
  for i in $(seq 1 "$REPLICAS"); do
    port=$((PORT + i))
    (cd "$ROOT" && MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} PYTHONUNBUFFERED=1 exec "$PYTHON" \
      -m streamlit run app.py --server.headless true --server.address 127.0.0.1 \
      --server.port "$port" >"$RUN_DIR/replica-$port.log" 2>&1) &
    PIDS+=($!)
  done
}

wait_healthy() {
  # Every replica must answer "ok" on /_stcore/health before the deadline.
  local i port deadline=$((SECONDS + HEALTH_TIMEOUT))
  for i in $(seq 1 "$REPLICAS"); do
    port=$((PORT + i))
    until [ "$(http_get "http://127.0.0.1:$port/_stcore/health")" = ok ]; do
      kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null \
        || die "the replica on port $port exited; see $RUN_DIR/replica-$port.log"
      [ "$SECONDS" -lt "$deadline" ] \
        || die "the replica on port $port was not healthy after ${HEALTH_TIMEOUT}s; see $RUN_DIR/replica-$port.log"
      sleep 0.3
    done
  done
}

start_warmups() {
  # Open each replica's home page once: that first run starts the replica's own warm-up
  # of every default view in the background (serving/warmup.py; it logs "warm-up: ..."
  # to replica-<port>.log when done). Students can connect meanwhile.
  local i port
  for i in $(seq 1 "$REPLICAS"); do
    port=$((PORT + i))
    (cd "$ROOT" && "$PYTHON" -m serving.warmup "http://127.0.0.1:$port" \
      >>"$RUN_DIR/replica-$port.log" 2>&1 \
      || echo "serve.sh: the warm-up of port $port did not start (see its log)" >&2) &
  done
}

write_nginx_conf() {
  local i upstreams="" template
  for i in $(seq 1 "$REPLICAS"); do
    upstreams+="        server 127.0.0.1:$((PORT + i)) max_fails=1 fail_timeout=5s;"$'\n'
  done
  template=$(<"$DEPLOY_DIR/nginx.conf.template")
  template=${template//@RUN@/$RUN_DIR}
  template=${template//@LISTEN@/$ADDRESS:$PORT}
  printf '%s\n' "${template//@UPSTREAMS@/${upstreams%$'\n'}}" >"$RUN_DIR/nginx.conf"
  "$NGINX" -q -t -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" \
    || die "nginx rejected $RUN_DIR/nginx.conf (see the message above)"
}

start_nginx() {
  "$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" &
  PIDS+=($!)
  local deadline=$((SECONDS + 10))
  until [ "$(http_get "http://$PROBE_HOST:$PORT/_stcore/health")" = ok ]; do
    kill -0 "${PIDS[-1]}" 2>/dev/null || die "nginx exited; see $RUN_DIR/error.log"
    [ "$SECONDS" -lt "$deadline" ] || die "nginx did not answer on port $PORT; see $RUN_DIR/error.log"
    sleep 0.2
  done
}

main() {
  parse_args "$@"
  # Where this machine reaches nginx: the listen address, or loopback for "all".
  PROBE_HOST=$ADDRESS
  [ "$ADDRESS" != 0.0.0.0 ] && [ "$ADDRESS" != "[::]" ] || PROBE_HOST=127.0.0.1
  require_nginx
  require_free_ports
  RUN_DIR=${SERVE_RUN_DIR:-$DEPLOY_DIR/run/$PORT}
  mkdir -p "$RUN_DIR/tmp"
  RUN_DIR=$(cd "$RUN_DIR" && pwd)
  rm -f "$RUN_DIR"/access.log "$RUN_DIR"/error.log "$RUN_DIR"/replica-*.log
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap stop_all EXIT
  local started=$SECONDS
  start_replicas
  wait_healthy
  start_warmups
  write_nginx_conf
  start_nginx
  local shown=$PROBE_HOST
  [ "$PROBE_HOST" = "$ADDRESS" ] || shown=$(hostname)
  echo "serve.sh: ${REPLICAS} replica(s) ready in $((SECONDS - started)) s; serving http://$shown:$PORT/" \
       "(logs in $RUN_DIR; Ctrl-C stops)" >&2
  local exited=""
  wait -n -p exited "${PIDS[@]}" || true
  die "process $exited stopped on its own; stopping the rest (logs in $RUN_DIR)"
}

main "$@"
