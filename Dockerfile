# syntax=docker/dockerfile:1
# SunDispatch: build with the Maven Wrapper, run on a JRE as a non-root user. Base images are pinned by digest
# (Dependabot's docker ecosystem keeps the digests current).

FROM eclipse-temurin:17-jdk-jammy@sha256:723151f3fc88ca2060153ee08ab8dbbea7983d6ed6f2622fe440acf178737c94 AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package && cp target/sundispatch-*.jar /src/app.jar \
    && java -Djarmode=tools -jar /src/app.jar extract --destination /src/extracted
# /src/extracted: app.jar (the application's classes, its manifest lists the libraries) and lib/ (the libraries):
# plain jars, which the JVM can keep in a class-data-sharing archive (classes inside nested jars it cannot).

FROM eclipse-temurin:17-jre-jammy@sha256:475d8e96b4b2bfe08999e5e854755c773af1581acdf959a4545d88f0696a2339
RUN groupadd --system --gid 10001 sundispatch \
    && useradd --system --uid 10001 --gid sundispatch --home-dir /app --shell /usr/sbin/nologin sundispatch \
    && install -d -o 10001 -g 10001 /app
WORKDIR /app
COPY --from=build --chown=sundispatch:sundispatch /src/extracted/ /app/
COPY --chmod=0755 scripts/cds-train.sh /usr/local/bin/cds-train.sh
USER 10001:10001
# The serial collector: what the JVM itself picks in a container under 1792 MiB (deploy/k8s: 1 GiB), stated so that
# it does not change with the limit; G1's own structures cost ~48 MiB more and its heap stays larger after a load.
# Two malloc arenas instead of one per core and thread: less native memory held by glibc (BENCHMARKS.md, memory).
# The heap starts at 20 % of the limit (what start-up needs, so it does not collect dozens of times on the way up),
# grows only when less than 10 % is free after a collection and gives back what is more than 30 % free (defaults
# 40/70); freed native memory goes back to the system every 5 s (glibc keeps it otherwise; the flag exists from
# 17.0.9 on). Resident memory after the load benchmark: 602 MiB before (BENCHMARKS.md, memory).
# Thread priorities reach Linux (-XX:ThreadPriorityPolicy=1): the password-hashing threads run at nice 4, so a login
# flood takes the CPU that requests leave rather than theirs. Lowering a priority needs no privilege; the JVM warns
# once at start-up that raising one would (it never raises here as a non-root user).
ENV SPRING_PROFILES_ACTIVE=prod \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=20 -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000 -XX:ThreadPriorityPolicy=1 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Djava.security.egd=file:/dev/urandom"
# Class Data Sharing (Spring Boot's CDS support): a training run writes /app/app.jsa, the classes the application
# loads, parsed and verified, which every start then maps instead of loading them again (start-up in about half
# the time, docs/benchmarks-howto.md). It runs here, in the runtime image, because the archive is valid only for
# the JVM build and the jar files (paths, sizes, times) that wrote it. The training run starts the prod profile on a
# throwaway in-memory H2 database with throwaway secrets that live only in that process: no database server, no
# network, nothing secret left in the image. A start whose JVM cannot use the archive starts without it.
RUN cds-train.sh /app
# The application may not change its own code: the jar, its libraries and the archive the JVM maps at every start
# belong to root and are read-only, so code running as the app user cannot plant anything that outlives a restart.
USER root
RUN chown -R root:root /app && chmod -R a-w /app
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx32m", "-Xss256k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/app/app.jar", \
         "com.sundispatch.HealthProbe"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
