# syntax=docker/dockerfile:1
# SunDispatch: build with the Maven Wrapper, run on a JRE as a non-root user. Base images are pinned by digest
# (Dependabot's docker ecosystem keeps the digests current).

FROM eclipse-temurin:17-jdk-jammy@sha256:723151f3fc88ca2060153ee08ab8dbbea7983d6ed6f2622fe440acf178737c94 AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package && cp target/sundispatch-*.jar /src/app.jar

FROM eclipse-temurin:17-jre-jammy@sha256:475d8e96b4b2bfe08999e5e854755c773af1581acdf959a4545d88f0696a2339
RUN groupadd --system --gid 10001 sundispatch \
    && useradd --system --uid 10001 --gid sundispatch --home-dir /app --shell /usr/sbin/nologin sundispatch
WORKDIR /app
COPY --from=build --chown=sundispatch:sundispatch /src/app.jar /app/app.jar
USER 10001:10001
ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Djava.security.egd=file:/dev/urandom"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx32m", "-Xss256k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/app/app.jar", \
         "-Dloader.main=com.sundispatch.HealthProbe", "org.springframework.boot.loader.launch.PropertiesLauncher"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
