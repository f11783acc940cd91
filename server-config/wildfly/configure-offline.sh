#!/usr/bin/env bash
# Applies huddle.cli to a stopped WildFly, offline (an embedded server edits standalone.xml), once per configuration
# directory: a marker file records that it was applied, because the script's `add` operations fail a second time.
#   server-config/wildfly/configure-offline.sh $JBOSS_HOME [base dir, default $JBOSS_HOME/standalone]
# The build runs it on the WildFly in target/, so `mvn wildfly:run` and the integration tests use these settings.
set -euo pipefail
jboss_home=${1:?usage: configure-offline.sh JBOSS_HOME [BASE_DIR]}
base_dir=${2:-$jboss_home/standalone}
here=$(cd "$(dirname "$0")" && pwd)
marker="$base_dir/configuration/huddle-cli.applied"
if [ -f "$marker" ] && [ "$marker" -nt "$here/huddle.cli" ]; then
    exit 0
fi
if [ -f "$marker" ]; then
    echo "huddle.cli changed since it was applied to $base_dir: start from a fresh configuration" \
         "(delete $base_dir/configuration, or target/ for the build's WildFly)" >&2
    exit 1
fi
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
    echo "embed-server --server-config=standalone.xml --std-out=discard"
    cat "$here/huddle.cli"
    echo
    echo "stop-embedded-server"
} > "$script"
JAVA_OPTS="-Djboss.server.base.dir=$base_dir" "$jboss_home/bin/jboss-cli.sh" --file="$script"
date -u +"applied server-config/wildfly/huddle.cli at %FT%TZ" > "$marker"
