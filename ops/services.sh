#!/usr/bin/env bash
# Makes sure the services the tests need are installed and running on this (Debian) machine:
# nats-server with JetStream on 127.0.0.1:4222, PostgreSQL on 127.0.0.1:5432 (database `test`, trust
# auth for local connections) and Redis on 127.0.0.1:6379. Installs with apt-get when missing, starts
# what is stopped, waits until each answers. Idempotent: fast when everything is already up.
set -euo pipefail

log() { printf 'services: %s\n' "$*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && exec 3>&- 3<&-; }
wait_port() { # name port seconds
  for _ in $(seq 1 $(( $3 * 10 ))); do port_open "$2" && return 0; sleep 0.1; done
  log "$1 did not come up on port $2 within $3 s"; return 1
}
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then $SUDO apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- NATS with JetStream ---
if ! port_open 4222; then
  command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || apt_install nats-server
  NATS_BIN=$(command -v nats-server || echo /usr/sbin/nats-server)
  $SUDO mkdir -p /var/lib/nats-server
  log "starting nats-server (JetStream) on 127.0.0.1:4222"
  $SUDO start-stop-daemon --start --oknodo --background --exec "$NATS_BIN" -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
  wait_port nats 4222 20
fi

# --- PostgreSQL ---
if ! port_open 5432; then
  ls /etc/postgresql/*/main >/dev/null 2>&1 || apt_install postgresql
  VER=$(ls /etc/postgresql | sort -V | tail -1)
  log "starting PostgreSQL $VER"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$VER" main start || $SUDO pg_ctlcluster "$VER" main start
  wait_port postgresql 5432 30
fi
if command -v psql >/dev/null; then
  # Tests connect as postgres to 127.0.0.1 without a password and use database `test`.
  if ! psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    HBA=$(su postgres -c "psql -Atc 'show hba_file'" 2>/dev/null || true)
    if [ -n "$HBA" ]; then
      log "allowing trust auth for local TCP connections in $HBA"
      sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$HBA"
      su postgres -c "psql -Atc 'select pg_reload_conf()'" >/dev/null
    fi
  fi
  psql -h 127.0.0.1 -U postgres -d postgres -Atc "select 1 from pg_database where datname='test'" 2>/dev/null | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -qc 'create database test' >/dev/null 2>&1 || true
fi

# --- Redis ---
if ! port_open 6379; then
  command -v redis-server >/dev/null || apt_install redis-server
  $SUDO mkdir -p /var/lib/redis /var/log/redis
  log "starting redis-server on 127.0.0.1:6379"
  $SUDO redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_port redis 6379 20
fi

# nats-server binary for tests that start their own server on another port (fault tests).
command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || apt_install nats-server
# sipp (Debian sip-tester) for the SIP gateway tests in test/sip.
command -v sipp >/dev/null || apt_install sip-tester
# Debian's chromium for the softphone browser test (test/e2e/softphone-chromium.test.ts, driven by
# playwright-core: no browser is ever downloaded).
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || apt_install chromium

log "nats :4222, postgresql :5432, redis :6379 are up; sipp and chromium installed"
