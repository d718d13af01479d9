#!/bin/sh
# Class Data Sharing for the packaged jar (Spring Boot's CDS support, "Class Data Sharing" in the Spring Boot
# reference): extract the jar, start it once so the JVM records every class it loads, and write that record as a
# shared archive that later starts map instead of loading and verifying the classes again.
#
#   scripts/cds-train.sh DIR [JAR]
#
# With JAR: extracts it into DIR first (DIR/<jar name> plus DIR/lib/). Then trains in DIR and writes DIR/app.jsa.
# Start the application afterwards with   cd DIR && java -XX:SharedArchiveFile=app.jsa -jar <jar name>
# The archive is valid only for the same JVM build and the same jar files at the same paths (the JVM checks their
# sizes and modification times and silently starts without the archive otherwise), so the Dockerfile runs this in
# the runtime image itself. The training run's own JVM options (JAVA_TOOL_OPTIONS of the image) apply as well.
#
# The training run needs no database server, no Redis and no network: it starts the prod profile (so the archive
# holds the classes production loads) against a private in-memory H2 database, with secrets made up for this one
# run, passed in the environment of this process only and never written anywhere. Spring exits as soon as the
# context has refreshed (-Dspring.context.exit=onRefresh): every singleton is created and Flyway has migrated the
# throwaway database, but the web server never listens and no scheduled job runs.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 DIR [JAR]" >&2
    exit 64
fi
dir=$1
if [ $# -eq 2 ]; then
    java -Djarmode=tools -jar "$2" extract --force --destination "$dir"
fi
cd "$dir"
jar=$(ls -- *.jar | head -n 1)
if [ ! -f "$jar" ] || [ ! -d lib ]; then
    echo "$dir holds no extracted application (a jar beside lib/); pass the jar to extract" >&2
    exit 66
fi

throwaway() {
    head -c 48 /dev/urandom | base64 | tr -d '\n'
}

# Local uploads would go to ./data/blobs: a directory of this run only, removed afterwards.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

rm -f app.jsa
env SPRING_PROFILES_ACTIVE=prod SUNDISPATCH_FILES_DIRECTORY="$scratch/blobs" \
    SUNDISPATCH_JWT_SECRET="$(throwaway)" SUNDISPATCH_PASSWORD_PEPPER="$(throwaway)" \
    SUNDISPATCH_DATA_KEY="$(throwaway)" SUNDISPATCH_PAYMENT_WEBHOOK_SECRET="$(throwaway)" \
    SUNDISPATCH_ALLOWED_HOSTS=localhost SUNDISPATCH_PUBLIC_BASE_URL=https://cds-training.invalid \
    java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -Xlog:cds=error \
        -jar "$jar" \
        --spring.datasource.url='jdbc:h2:mem:cds-training;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH' \
        --spring.datasource.username=sa --spring.datasource.password= \
        --spring.config.import= \
        --logging.threshold.console=WARN
test -s app.jsa
echo "CDS archive: $dir/app.jsa ($(du -h app.jsa | cut -f1)) for $jar"
