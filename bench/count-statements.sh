#!/usr/bin/env bash
# Counts the SQL statements one registration (POST /api/v1/clients, with personal details) sends to PostgreSQL,
# Axon's own included: a fresh database with log_statement = 'all' for it alone, the command side's jar started on
# it, N registrations after one warm-up, and the server log's statements for that database counted per registration.
# Needs a local PostgreSQL whose log file this user can read (Debian: /var/log/postgresql/postgresql-*-main.log).
#   bench/count-statements.sh [JAR] [N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${1:-$(ls "$ROOT"/command-side/target/command-side-*-exec.jar | head -n 1)}"
N="${2:-20}"
DB="${STATEMENTS_DATABASE:-weerthuis_statements}"
PORT="${STATEMENTS_PORT:-18091}"
LOG="${PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log | head -n 1)}"
ISSUER=weerthuis-count-statements
# Tokens are RS256 as from an OIDC issuer: a key pair made for this run, its public half the only key trusted.
KEYS="$(mktemp -d)"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/signing.pem" 2>/dev/null
openssl pkey -in "$KEYS/signing.pem" -pubout -out "$KEYS/signing.pub.pem"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -Atq)

"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" \
  -c "ALTER DATABASE $DB SET log_statement = 'all'"
AXONIQ_UPDATE_CHECKER_DISABLED=true java -Daxoniq.update-checker.disabled=true @"$ROOT/jvm.options" -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --weerthuis.security.jwt-issuer="$ISSUER" \
  --weerthuis.security.public-key-location="file:$KEYS/signing.pub.pem" --weerthuis.privacy.key-encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= \
  > "/tmp/count-statements-$DB.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$KEYS"; "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"' EXIT
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP && break; sleep 1; done

b64() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64)
claims=$(printf '{"iss":"%s","sub":"bench-caseworker","org":"00000001001234567000","org_type":"MUNICIPALITY","roles":["CASEWORKER"],"iat":%d,"exp":%d}' "$ISSUER" "$now" $((now + 3600)) | b64)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$KEYS/signing.pem" -binary | b64)
TOKEN="$header.$claims.$signature"
register() {
  curl -fsS -o /dev/null -w '%{http_code}\n' -X POST "http://127.0.0.1:$PORT/api/v1/clients" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{"setting":"SHELTER","facility":"Nachtopvang","region":"Regio-01",
    "municipality":"Regio-01-gemeente-1","careProvider":"60100000","registeredOn":"2026-01-05",
    "personalDetails":{"name":"Bench Client","dateOfBirth":"1980-01-01"}}' | grep -q 201
}
register; register # warm-up: caches, prepared statements
sleep 3 # let the background pollers' statements of the warm-up pass
counted() { grep -c "@$DB LOG:  \(statement\|execute\)" "$LOG" || true; }
from=$(counted); start=$(date +%s.%N)
for _ in $(seq 1 "$N"); do register; done
until_=$(counted); end=$(date +%s.%N)
# Background statements (db-scheduler, tracking processors) over the same time, measured while idle for as long.
sleep "$(echo "$end - $start" | bc)"; idle=$(( $(counted) - until_ ))
echo "statements for $N registrations: $((until_ - from)); background over the same time: $idle"
echo "per registration: $(echo "scale=1; ($until_ - $from - $idle) / $N" | bc)"
# Exactly: the registration's own transaction (its backend's statements from BEGIN to COMMIT around the event insert).
grep "@$DB LOG:  \(statement\|execute\)" "$LOG" | sed -n "$((from + 1)),${until_}p" > "/tmp/count-statements-$DB-window.txt"
python3 - "/tmp/count-statements-$DB-window.txt" <<'PY'
import re, sys
open_tx, found = {}, []
for line in open(sys.argv[1]):
    m = re.search(r'\[(\d+)\] .*LOG:  (?:statement|execute [^:]*): ?(.*)', line)
    if not m:
        continue
    pid, sql = m.group(1), m.group(2).strip()
    if sql.upper() == 'BEGIN':
        open_tx[pid] = [sql]
    elif pid in open_tx:
        open_tx[pid].append(sql)
        if sql.upper() == 'COMMIT':
            tx = open_tx.pop(pid)
            if any('INSERT INTO domain_event_entry' in s for s in tx) and any('INSERT INTO lookup_aggregate_client' in s for s in tx):
                found.append(tx)
if found:
    print("statements in a registration's transaction (BEGIN and COMMIT included): %.1f over %d registrations"
          % (sum(map(len, found)) / len(found), len(found)))
    for sql in found[-1]:
        print("   ", sql[:150])
PY
