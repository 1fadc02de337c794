#!/bin/bash
# Creates one database per subgraph and two users for it, each with rights on that database
# only, so one authority's subgraph can never read or write another's data:
#   <db>      the subgraph runs as it: data rights only (SELECT, INSERT, UPDATE, DELETE);
#             serving and seeding need nothing more, so a subgraph cannot change its schema
#   <db>_ddl  the migrate service runs as it: the schema rights migrations need as well
#
# Run by the official mysql image on FIRST start only (empty data volume), from
# /docker-entrypoint-initdb.d, while the temporary init server listens on its socket only.
# The entrypoint sources this file when it is not executable, so: no `exit` on success,
# no changes to shell options, everything inside a function.
#
# Passwords come from the environment (docker-compose.yml passes them to the mysql
# service from .env, and refuses to start without them); there are no defaults here either.
# They go into DATABASE_URL as-is, so they are restricted to URL- and SQL-safe characters:
# A-Z a-z 0-9 . _ ~ -
#
# To add an authority (e.g. Hartlepool): add a line to tpg_databases below, its two password
# variables, a service and a DATABASE_URL_<NAME> of the migrate service in docker-compose.yml,
# and recreate the volume or run the same statements by hand (this script never runs again on
# an initialised volume).

tpg_create_databases() {
  local max_user_connections="${DB_USER_MAX_CONNECTIONS:-20}"
  case "$max_user_connections" in
    '' | *[!0-9]*) echo "01-databases.sh: DB_USER_MAX_CONNECTIONS must be a whole number" >&2; return 1 ;;
  esac

  # database (= runtime user name) | the variable holding its password | the variable holding its _ddl user's password
  local tpg_databases=(
    "region|REGION_DB_PASSWORD|REGION_DB_DDL_PASSWORD"
    "plan_redcar_and_cleveland|PLAN_REDCAR_AND_CLEVELAND_DB_PASSWORD|PLAN_REDCAR_AND_CLEVELAND_DB_DDL_PASSWORD"
    "plan_stockton_on_tees|PLAN_STOCKTON_ON_TEES_DB_PASSWORD|PLAN_STOCKTON_ON_TEES_DB_DDL_PASSWORD"
    "education|EDUCATION_DB_PASSWORD|EDUCATION_DB_DDL_PASSWORD"
    "care|CARE_DB_PASSWORD|CARE_DB_DDL_PASSWORD"
  )

  local sql="" entry name variables variable password user rights
  for entry in "${tpg_databases[@]}"; do
    name="${entry%%|*}"
    variables="${entry#*|}"
    sql+="
CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    for variable in "${variables%%|*}" "${variables#*|}"; do
      password="${!variable:-}"
      case "$password" in
        '' | *[!A-Za-z0-9._~-]*)
          echo "01-databases.sh: $variable must be set, using only A-Z a-z 0-9 . _ ~ - (it is used in a URL)" >&2
          return 1 ;;
      esac
      if [ "$variable" = "${variables%%|*}" ]; then
        # the subgraph: serving and seeding read and write rows, nothing more
        user="$name"
        rights="SELECT, INSERT, UPDATE, DELETE"
      else
        # the migrate service: migrations also create, alter and drop tables and indexes
        user="${name}_ddl"
        rights="SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES"
      fi
      # Nothing server-wide (no FILE, PROCESS, SUPER, GRANT OPTION).
      sql+="
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY '${password}';
ALTER USER '${user}'@'%' IDENTIFIED BY '${password}' WITH MAX_USER_CONNECTIONS ${max_user_connections};
GRANT ${rights}
  ON \`${name}\`.* TO '${user}'@'%';"
    done
  done

  echo "01-databases.sh: creating ${#tpg_databases[@]} subgraph databases, each with its runtime and schema (_ddl) user"
  if declare -F docker_process_sql >/dev/null; then
    # sourced by the entrypoint: its helper connects as root to the init server's socket
    printf '%s\n' "$sql" | docker_process_sql
  else
    # executed: connect ourselves; the root password goes through this process's environment, not argv
    printf '%s\n' "$sql" | MYSQL_PWD="${MYSQL_ROOT_PASSWORD:?MYSQL_ROOT_PASSWORD is not set}" mysql --protocol=socket --user=root
  fi
}

tpg_create_databases
