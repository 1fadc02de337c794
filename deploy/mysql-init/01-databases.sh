#!/bin/bash
# Creates one database and one user per subgraph; each user gets rights on its own
# database only, so one authority's subgraph can never read or write another's data.
#
# Run by the official mysql image on FIRST start only (empty data volume), from
# /docker-entrypoint-initdb.d, while the temporary init server listens on its socket only.
# The entrypoint sources this file when it is not executable, so: no `exit` on success,
# no changes to shell options, everything inside a function.
#
# Passwords come from the environment (docker-compose.yml passes them to the mysql
# service from .env). The defaults below are for LOCAL DEVELOPMENT ONLY: set real ones
# in .env for any shared or production deployment. They go into DATABASE_URL as-is, so
# they are restricted to URL- and SQL-safe characters: A-Z a-z 0-9 . _ ~ -
#
# To add an authority (e.g. Hartlepool): add a line to tpg_databases below, a password
# variable, a service in docker-compose.yml, and recreate the volume or run the same
# statements by hand (this script never runs again on an initialised volume).

tpg_create_databases() {
  local max_user_connections="${DB_USER_MAX_CONNECTIONS:-20}"
  case "$max_user_connections" in
    '' | *[!0-9]*) echo "01-databases.sh: DB_USER_MAX_CONNECTIONS must be a whole number" >&2; return 1 ;;
  esac

  # database (= user name) and the variable holding its password, with its dev-only default
  local tpg_databases=(
    "region|${REGION_DB_PASSWORD:-region-dev-only-change-me}"
    "plan_redcar_and_cleveland|${PLAN_REDCAR_AND_CLEVELAND_DB_PASSWORD:-redcar-dev-only-change-me}"
    "plan_stockton_on_tees|${PLAN_STOCKTON_ON_TEES_DB_PASSWORD:-stockton-dev-only-change-me}"
    "education|${EDUCATION_DB_PASSWORD:-education-dev-only-change-me}"
    "care|${CARE_DB_PASSWORD:-care-dev-only-change-me}"
  )

  local sql="" entry name password
  for entry in "${tpg_databases[@]}"; do
    name="${entry%%|*}"
    password="${entry#*|}"
    case "$password" in
      '' | *[!A-Za-z0-9._~-]*)
        echo "01-databases.sh: the password for '$name' may only contain A-Z a-z 0-9 . _ ~ - (it is used in a URL)" >&2
        return 1 ;;
    esac
    # Migrations need DDL (CREATE/ALTER/DROP/INDEX/REFERENCES for foreign keys); the
    # service needs DML. Nothing server-wide (no FILE, PROCESS, SUPER, GRANT OPTION).
    sql+="
CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${name}'@'%' IDENTIFIED BY '${password}';
ALTER USER '${name}'@'%' IDENTIFIED BY '${password}' WITH MAX_USER_CONNECTIONS ${max_user_connections};
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES,
      CREATE TEMPORARY TABLES, LOCK TABLES, CREATE VIEW, SHOW VIEW
  ON \`${name}\`.* TO '${name}'@'%';"
  done

  echo "01-databases.sh: creating ${#tpg_databases[@]} subgraph databases and users"
  if declare -F docker_process_sql >/dev/null; then
    # sourced by the entrypoint: its helper connects as root to the init server's socket
    printf '%s\n' "$sql" | docker_process_sql
  else
    # executed: connect ourselves; the root password goes through this process's environment, not argv
    printf '%s\n' "$sql" | MYSQL_PWD="${MYSQL_ROOT_PASSWORD:?MYSQL_ROOT_PASSWORD is not set}" mysql --protocol=socket --user=root
  fi
}

tpg_create_databases
