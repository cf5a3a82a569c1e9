#!/usr/bin/env bash
# Make sure the machine's PostgreSQL answers on 127.0.0.1:5432; start it if it has stopped.
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432; then exit 0; fi
echo "PostgreSQL is not answering; starting it" >&2
pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done
echo "PostgreSQL did not start on 127.0.0.1:5432" >&2
exit 1
