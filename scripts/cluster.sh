#!/usr/bin/env bash
# A local MariaDB Galera cluster (three nodes), two Chỉ tiêu servers and HAProxy in front of
# them: for development, the cluster test (test/cluster) and the bench (B8). Debian packages:
# mariadb-server, galera-4, rsync (SST), haproxy. Everything lives under $CLUSTER_DIR.
#
#   scripts/cluster.sh up            three nodes, two servers (SEED=demo unless set), the balancer
#   scripts/cluster.sh down          stops everything and deletes $CLUSTER_DIR
#   scripts/cluster.sh status        what runs, each node's wsrep state
#   scripts/cluster.sh db-up | servers-up | lb-up      one layer
#   scripts/cluster.sh node-stop N | node-kill N | node-start N   (N = 1..3; start rejoins by IST)
#   scripts/cluster.sh server-stop N | server-start N             (N = 1..2)
#
# Ports: nodes 3311–3313 (gcomm 4571–4573, IST 4581–4583, SST 4591–4593), servers 4601–4602,
# balancer 4600. Database URL of server N: the three nodes, its "own" node first.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${CLUSTER_DIR:-/tmp/chitieu-cluster}"
DB="${CLUSTER_DATABASE:-chitieu}"
LB_PORT="${CLUSTER_LB_PORT:-4600}"
GALERA="${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}"
NODES=(1 2 3)
SERVERS=(1 2)

db_port() { echo $((3310 + $1)); }
server_port() { echo $((4600 + $1)); }
pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
say() { echo "› $*"; }

# The database URL server N uses: every node, its own first (the rest in order after it).
database_url() {
  local n=$1 hosts=() i
  for i in 0 1 2; do hosts+=("127.0.0.1:$(db_port $(((n - 1 + i) % 3 + 1)))"); done
  local IFS=,
  echo "mysql://root@${hosts[*]}/$DB"
}

node_cnf() {
  local n=$1 port gport
  port=$(db_port "$n")
  gport=$((4570 + n))
  cat >"$DIR/node$n.cnf" <<EOF
[mysqld]
user=mysql
datadir=$DIR/node$n/data
socket=$DIR/node$n/mysqld.sock
pid-file=$DIR/node$n/mysqld.pid
log-error=$DIR/node$n/error.log
port=$port
bind-address=127.0.0.1
skip-name-resolve=0
innodb_buffer_pool_size=256M
innodb_log_file_size=64M
innodb_flush_log_at_trx_commit=2
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
max_connections=300
wsrep_on=ON
wsrep_provider=$GALERA
wsrep_cluster_name=chitieu
wsrep_cluster_address=gcomm://127.0.0.1:4571,127.0.0.1:4572,127.0.0.1:4573
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$gport
wsrep_node_incoming_address=127.0.0.1:$port
wsrep_provider_options="base_port=$gport;gmcast.listen_addr=tcp://127.0.0.1:$gport;ist.recv_addr=127.0.0.1:$((4580 + n));gcache.size=256M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((4590 + n))
wsrep_slave_threads=2
EOF
}

wait_ready() {
  local n=$1 i state
  for i in $(seq 1 120); do
    state=$(mariadb --socket="$DIR/node$n/mysqld.sock" -uroot -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}') || true
    [[ "$state" == "Synced" ]] && return 0
    if ! pid_alive "$DIR/node$n.pid" && ((i > 10)); then
      echo "node $n did not start; its log:" >&2
      tail -30 "$DIR/node$n/error.log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "node $n is not synced after 60 s" >&2
  tail -30 "$DIR/node$n/error.log" >&2
  return 1
}

node_start() {
  local n=$1 extra=()
  [[ "${2:-}" == "--new-cluster" ]] && extra=(--wsrep-new-cluster)
  if pid_alive "$DIR/node$n.pid"; then return 0; fi
  mkdir -p "$DIR/node$n/data"
  # As the mysql account: the joiner's rsync daemon, run as root, would write as nobody.
  chown -R mysql:mysql "$DIR/node$n"
  node_cnf "$n"
  if [[ ! -d "$DIR/node$n/data/mysql" && ${#extra[@]} -gt 0 ]]; then
    mariadb-install-db --defaults-file="$DIR/node$n.cnf" --auth-root-authentication-method=normal --skip-test-db >"$DIR/node$n/install.log" 2>&1 ||
      { echo "mariadb-install-db failed:" >&2; tail -20 "$DIR/node$n/install.log" >&2; exit 1; }
  fi
  # Not a `mariadbd_safe`: the test stops and restarts nodes itself.
  nohup mariadbd --defaults-file="$DIR/node$n.cnf" "${extra[@]}" >>"$DIR/node$n/stdout.log" 2>&1 &
  echo $! >"$DIR/node$n.pid"
  wait_ready "$n"
}

db_up() {
  command -v mariadbd >/dev/null || { echo "mariadb-server is not installed" >&2; exit 1; }
  [[ -f "$GALERA" ]] || { echo "galera-4 is not installed ($GALERA)" >&2; exit 1; }
  command -v rsync >/dev/null || { echo "rsync is not installed (the SST method)" >&2; exit 1; }
  mkdir -p "$DIR"
  chmod 755 "$DIR" # the nodes run as mysql (a mkdtemp folder is 0700)
  local started=$SECONDS
  node_start 1 --new-cluster
  # root over TCP from 127.0.0.1 as well as the socket, no password: a local test cluster only.
  mariadb --socket="$DIR/node1/mysqld.sock" -uroot -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
  node_start 2 & local p2=$!
  sleep 1
  node_start 3 & local p3=$!
  wait $p2 && wait $p3
  say "three nodes synced in $((SECONDS - started)) s (ports 3311–3313)"
}

node_stop() {
  local n=$1 sig=${2:-TERM} pidf="$DIR/node$1.pid" i
  pid_alive "$pidf" || return 0
  kill "-$sig" "$(cat "$pidf")"
  for i in $(seq 1 120); do pid_alive "$pidf" || break; sleep 0.25; done
  rm -f "$pidf"
}

server_start() {
  local n=$1 port pidf="$DIR/server$1.pid"
  port=$(server_port "$n")
  pid_alive "$pidf" && return 0
  [[ -f "$ROOT/server/dist/main.js" ]] || { echo "server/dist is not built: npm run build" >&2; exit 1; }
  DATABASE_URL="$(database_url "$n")" PORT="$port" SEED="${SEED:-demo}" NODE_ENV="${NODE_ENV:-production}" \
    TRUST_PROXY="${TRUST_PROXY:-loopback}" LOG_LEVEL="${LOG_LEVEL:-warn}" \
    nohup node "$ROOT/server/dist/main.js" >>"$DIR/server$n.log" 2>&1 &
  echo $! >"$pidf"
}

server_wait() {
  local n=$1 i
  for i in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$(server_port "$n")/readyz" >/dev/null 2>&1 && return 0
    pid_alive "$DIR/server$n.pid" || { echo "server $n exited; its log:" >&2; tail -20 "$DIR/server$n.log" >&2; return 1; }
    sleep 0.5
  done
  echo "server $n is not ready after 120 s" >&2
  return 1
}

servers_up() {
  mkdir -p "$DIR"
  # Both at once, on purpose: migrations and the demo seed take the cluster-wide lock.
  for n in "${SERVERS[@]}"; do server_start "$n"; done
  for n in "${SERVERS[@]}"; do server_wait "$n"; done
  say "servers ready: http://127.0.0.1:4601, http://127.0.0.1:4602"
}

server_stop() {
  local pidf="$DIR/server$1.pid" i
  pid_alive "$pidf" || return 0
  kill -TERM "$(cat "$pidf")"
  for i in $(seq 1 120); do pid_alive "$pidf" || break; sleep 0.25; done
  pid_alive "$pidf" && kill -KILL "$(cat "$pidf")"
  rm -f "$pidf"
}

lb_up() {
  command -v haproxy >/dev/null || { echo "haproxy is not installed" >&2; exit 1; }
  pid_alive "$DIR/haproxy.pid" && return 0
  mkdir -p "$DIR"
  # Health checks on /readyz every 500 ms (an answer within 2 s counts: a busy server is not a
  # dead one): a draining server (503) or a dead one leaves within about a second and a half. A
  # request whose connection failed is sent again, to the other server.
  cat >"$DIR/haproxy.cfg" <<EOF
global
  maxconn 4000
  pidfile $DIR/haproxy.pid
defaults
  mode http
  timeout connect 2s
  timeout check 2s
  timeout client 120s
  timeout server 120s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
  option http-buffer-request
frontend chitieu
  bind 127.0.0.1:$LB_PORT
  default_backend servers
backend servers
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 500ms fall 3 rise 2
EOF
  for n in "${SERVERS[@]}"; do echo "  server s$n 127.0.0.1:$(server_port "$n") check" >>"$DIR/haproxy.cfg"; done
  haproxy -D -f "$DIR/haproxy.cfg"
  say "balancer: http://127.0.0.1:$LB_PORT"
}

status() {
  for n in "${NODES[@]}"; do
    if pid_alive "$DIR/node$n.pid"; then
      echo "node $n :$(db_port "$n") up — $(mariadb --socket="$DIR/node$n/mysqld.sock" -uroot -N -e "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_status','wsrep_local_state_comment','wsrep_ready','wsrep_cluster_size')" 2>/dev/null | awk '{printf "%s=%s ", $1, $2}')"
    else echo "node $n :$(db_port "$n") down"; fi
  done
  for n in "${SERVERS[@]}"; do
    if pid_alive "$DIR/server$n.pid"; then echo "server $n :$(server_port "$n") up — readyz $(curl -s "http://127.0.0.1:$(server_port "$n")/readyz" || echo unreachable)"
    else echo "server $n :$(server_port "$n") down"; fi
  done
  if pid_alive "$DIR/haproxy.pid"; then echo "balancer :$LB_PORT up"; else echo "balancer :$LB_PORT down"; fi
}

down() {
  if pid_alive "$DIR/haproxy.pid"; then kill "$(cat "$DIR/haproxy.pid")"; fi
  for n in "${SERVERS[@]}"; do server_stop "$n"; done
  for n in 3 2 1; do node_stop "$n"; done
  rm -rf "$DIR"
  say "cluster down"
}

case "${1:-}" in
  up) db_up; servers_up; lb_up ;;
  down) down ;;
  status) status ;;
  db-up) db_up ;;
  servers-up) servers_up ;;
  lb-up) lb_up ;;
  node-stop) node_stop "$2" TERM ;;
  node-kill) node_stop "$2" KILL ;;
  node-start) node_start "$2" ;;
  server-stop) server_stop "$2" ;;
  server-start) server_start "$2" && server_wait "$2" ;;
  url) database_url "${2:-1}" ;;
  *) echo "usage: $0 up | down | status | db-up | servers-up | lb-up | node-stop N | node-kill N | node-start N | server-stop N | server-start N | url N" >&2; exit 2 ;;
esac
